import { Construct } from "constructs";
import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DbInstanceAutomatedBackupsReplication } from "@cdktf/provider-aws/lib/db-instance-automated-backups-replication";
import { DbOptionGroup } from "@cdktf/provider-aws/lib/db-option-group";
import { DbParameterGroup, type DbParameterGroupParameter } from "@cdktf/provider-aws/lib/db-parameter-group";
import { suppress } from "../guardrails/suppressions";
import { AppSecret } from "./app-secret";
import type { ClientSecurityGroup } from "./client-security-group";
import { databaseConnection, type ConnectionSettings } from "./connection";
import type { Grantable } from "./grants";
import { LogGroup } from "./log-group";
import {
  POSTGRES_PARAMETERS,
  RDS_CA_IDENTIFIER,
  rdsConnectStatement,
  rdsMonitoringRole,
  rdsEventSubscription,
  rdsPlacement,
  type RdsBaseProps,
} from "./rds-common";

/** What differs between the engines: port, parameter family, TLS and audit logging, log exports. */
interface EngineTraits {
  readonly port: number;
  /** Scheme of `DATABASE_URL`. */
  readonly scheme: string;
  readonly family: (major: string) => string;
  /** Parameters: TLS forced, connections, DDL and errors logged, slow statements logged. */
  readonly parameters: readonly DbParameterGroupParameter[];
  /** Logs exported to CloudWatch Logs (each into a pre-created encrypted group). */
  readonly logExports: readonly string[];
  /** Audit through an option group (MySQL: MARIADB_AUDIT_PLUGIN); PostgreSQL logs through parameters. */
  readonly auditOption?: { readonly optionName: string; readonly settings: Readonly<Record<string, string>> };
}

const ENGINES: Readonly<Record<"postgres" | "mysql", EngineTraits>> = {
  postgres: {
    port: 5432,
    scheme: "postgresql",
    family: (major) => `postgres${major}`,
    parameters: POSTGRES_PARAMETERS,
    logExports: ["postgresql", "upgrade"],
  },
  mysql: {
    port: 3306,
    scheme: "mysql",
    family: (major) => `mysql${major}`,
    parameters: [
      // "1", not "ON": both mean the same to MySQL, but Checkov (CKV2_AWS_69) accepts only "1".
      { name: "require_secure_transport", value: "1" },
      { name: "slow_query_log", value: "1" },
      { name: "long_query_time", value: "1" },
      // The exports read the log files.
      { name: "log_output", value: "FILE" },
    ],
    logExports: ["audit", "error", "slowquery"],
    auditOption: {
      optionName: "MARIADB_AUDIT_PLUGIN",
      // Connections, schema and permission changes; QUERY would log every statement and its PHI.
      settings: { SERVER_AUDIT_EVENTS: "CONNECT,QUERY_DDL,QUERY_DCL" },
    },
  },
};

export interface DatabaseProps extends RdsBaseProps {
  /** DB instance identifier, `<app>-<env>-db`; also names its subnet, parameter and security groups. */
  readonly identifier: string;
  readonly engine: "postgres" | "mysql";
  readonly instanceClass: string;
  /** gp3 storage at creation, GiB. */
  readonly allocatedStorageGb: number;
  /** Storage autoscaling ceiling, GiB (>= allocatedStorageGb). */
  readonly maxAllocatedStorageGb: number;
  readonly multiAz: boolean;
  /** Performance Insights with the CMK; off only where the engine does not offer it on the class. */
  readonly performanceInsights: boolean;
  /** Identifiers of in-region read replicas of the instance. @default none */
  readonly replicaIdentifiers?: readonly string[];
  /**
   * Generate the master password into this secret instead of letting RDS manage it; needed
   * for replicas. The value sits in Terraform state (encrypted, access-controlled).
   * @default - RDS manages the password (none in JSON or state); no replica possible
   */
  readonly generatedPassword?: { readonly secretName: string; readonly length: number; readonly recoveryWindowDays: number };
  /**
   * Replicate automated backups (point-in-time recovery) to another region, encrypted with
   * `kmsKeyArn`, a key of that region. @default - backups stay in the instance's region
   */
  readonly backupReplication?: { readonly region: string; readonly retentionDays: number; readonly kmsKeyArn: string };
}

/**
 * One RDS for PostgreSQL or MySQL instance in the data subnets: TLS forced by its parameter
 * group, connections, DDL and errors logged to KMS-encrypted log groups (MySQL audit through
 * MARIADB_AUDIT_PLUGIN), encrypted gp3 storage that grows to a ceiling, IAM database
 * authentication, a master password RDS keeps in Secrets Manager (never in JSON or state),
 * Performance Insights and enhanced monitoring, no public access. Its security group admits
 * nothing until `allowFrom` admits a client group on the engine port.
 */
export class Database extends Construct {
  public readonly endpointAddress: string;
  public readonly port: number;
  /**
   * Secrets Manager secret with the master credentials: RDS's own (rotated by RDS every 7
   * days), or, with replicas, the generated one (JSON `username`, `password`, `engine`).
   */
  public readonly masterSecretArn: string;
  /** Endpoints of the in-region read replicas (reads only), in replica order. */
  public readonly replicaEndpointAddresses: readonly string[];
  /** Identifiers of the read replicas, in replica order. */
  public readonly replicaIdentifiers: readonly string[];
  private readonly replicas: readonly DbInstance[];
  public readonly securityGroupId: string;
  public readonly instanceIdentifier: string;
  /** `DATABASE_URL`, `_HOST`, `_PORT`, `_NAME`, `_USERNAME` plain; `DATABASE_PASSWORD` by reference. */
  public readonly connection: ConnectionSettings;
  /** Resource ids of the primary and the replicas (IAM database users live under them). */
  private readonly resourceIds: readonly string[];
  private readonly clients: ClientSecurityGroup;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: DatabaseProps,
  ) {
    super(scope, id);
    if (props.maxAllocatedStorageGb < props.allocatedStorageGb) {
      throw new Error(
        `Database ${this.node.path}: \`maxAllocatedStorageGb\` (${props.maxAllocatedStorageGb}) ` +
          `must be at least \`allocatedStorageGb\` (${props.allocatedStorageGb}).`,
      );
    }
    const engine = ENGINES[props.engine];
    const name = props.identifier;
    const placed = rdsPlacement(this, { ...props, name, kind: "RDS", port: engine.port, protocol: `${props.engine} over TLS` });
    this.clients = placed.clients;
    const family = engine.family(props.majorVersion);
    // Named for the family, replaced before destroy: a major upgrade brings a new group.
    const parameters = new DbParameterGroup(this, "ParameterGroup", {
      name: `${name}-${family.replace(/\./g, "-")}`,
      family,
      description: `${name}: TLS only, connection and DDL logging`,
      parameter: engine.parameters.map((p) => ({ ...p, applyMethod: "pending-reboot" })),
      lifecycle: { createBeforeDestroy: true },
    });
    const options =
      engine.auditOption &&
      new DbOptionGroup(this, "OptionGroup", {
        name: `${name}-${family.replace(/\./g, "-")}`,
        engineName: props.engine,
        majorEngineVersion: props.majorVersion,
        optionGroupDescription: `${name}: audit log (connections, DDL, DCL)`,
        option: [
          {
            optionName: engine.auditOption.optionName,
            optionSettings: Object.entries(engine.auditOption.settings).map(([n, value]) => ({ name: n, value })),
          },
        ],
        lifecycle: { createBeforeDestroy: true },
      });
    const monitoring = rdsMonitoringRole(this, { ...props, identifier: name });
    const master =
      props.generatedPassword &&
      new AppSecret(this, "MasterSecret", {
        secretName: props.generatedPassword.secretName,
        description: `Master credentials of ${name} (generated: RDS allows no read replica of a source whose password it manages)`,
        kmsKeyArn: props.kmsKeyArn,
        recoveryWindowDays: props.generatedPassword.recoveryWindowDays,
        keys: { password: { length: props.generatedPassword.length, special: false } },
        plainValues: { username: props.masterUsername, engine: props.engine },
      });
    // What the primary and its replicas share: placement, TLS, audit, monitoring, upgrades.
    const shared = {
      instanceClass: props.instanceClass,
      port: engine.port,
      storageType: "gp3",
      maxAllocatedStorage: props.maxAllocatedStorageGb,
      storageEncrypted: true,
      dbSubnetGroupName: placed.subnetGroupName,
      vpcSecurityGroupIds: [this.clients.securityGroupId],
      publiclyAccessible: false,
      parameterGroupName: parameters.name,
      ...(options ? { optionGroupName: options.name } : {}),
      iamDatabaseAuthenticationEnabled: true,
      enabledCloudwatchLogsExports: [...engine.logExports],
      maintenanceWindow: props.maintenanceWindow,
      autoMinorVersionUpgrade: true,
      copyTagsToSnapshot: true,
      performanceInsightsEnabled: props.performanceInsights,
      ...(props.performanceInsights
        ? { performanceInsightsKmsKeyId: props.kmsKeyArn, performanceInsightsRetentionPeriod: props.performanceInsightsRetentionDays }
        : {}),
      monitoringInterval: props.monitoringIntervalSeconds,
      monitoringRoleArn: monitoring.roleArn,
      caCertIdentifier: RDS_CA_IDENTIFIER,
    };
    const ready = (scope: Construct, identifier: string) => [
      ...this.logGroups(scope, identifier, engine).map((g) => g.created),
      monitoring.policyReady,
      ...(props.osMetricsLogGroupReady ? [props.osMetricsLogGroupReady] : []),
    ];

    const instance = new DbInstance(this, "Instance", {
      ...shared,
      identifier: name,
      engine: props.engine,
      engineVersion: props.majorVersion,
      engineLifecycleSupport: props.engineLifecycleSupport,
      dbName: props.databaseName,
      username: props.masterUsername,
      ...(master
        ? { password: master.generatedValues.password }
        : { manageMasterUserPassword: true, masterUserSecretKmsKeyId: props.kmsKeyArn }),
      allocatedStorage: props.allocatedStorageGb,
      kmsKeyId: props.kmsKeyArn,
      multiAz: props.multiAz,
      backupRetentionPeriod: props.backupRetentionDays,
      backupWindow: props.backupWindow,
      deleteAutomatedBackups: false,
      skipFinalSnapshot: !props.finalSnapshot,
      ...(props.finalSnapshot ? { finalSnapshotIdentifier: `${name}-final` } : {}),
      dependsOn: ready(this, name),
    });
    this.suppressMissingInsights(instance, props);
    this.replicas = (props.replicaIdentifiers ?? []).map((identifier, i) => {
      // Construct ids by position: replica n keeps its address whatever the count becomes.
      const scope = new Construct(this, `Replica${i + 1}`);
      const replica = new DbInstance(scope, "Instance", {
        ...shared,
        identifier,
        // Same region: the source's identifier; storage and key follow it. Engine and major
        // are the source's too, written out (as on the primary) so scanners can judge them.
        replicateSourceDb: instance.identifier,
        engine: props.engine,
        engineVersion: props.majorVersion,
        multiAz: false,
        // A replica takes no final snapshot: the primary's backups hold the data.
        skipFinalSnapshot: true,
        dependsOn: ready(scope, identifier),
      });
      this.suppressMissingInsights(replica, props);
      suppress(
        replica,
        "CKV_AWS_157",
        "A read replica, single-AZ: the primary runs Multi-AZ, and a lost replica is recreated from it (reads fail over to the " +
          "primary endpoint meanwhile).",
        { scanners: ["checkov"] },
      );
      return replica;
    });
    if (props.backupReplication) {
      const r = props.backupReplication;
      new DbInstanceAutomatedBackupsReplication(this, "BackupReplication", {
        sourceDbInstanceArn: instance.arn,
        kmsKeyId: r.kmsKeyArn,
        retentionPeriod: r.retentionDays,
        region: r.region,
        // One operation at a time on a new primary: RDS refuses another while a replica is
        // being created from it (InvalidDBInstanceState).
        dependsOn: [...this.replicas],
      });
    }
    if (props.eventTopicArn) {
      rdsEventSubscription(this, {
        identifier: name,
        topicArn: props.eventTopicArn,
        sourceType: "db-instance",
        sourceIds: [instance.identifier, ...this.replicas.map((r) => r.identifier)],
      });
    }
    this.endpointAddress = instance.address;
    this.port = engine.port;
    this.masterSecretArn = master ? master.secretArn : instance.masterUserSecret.get(0).secretArn;
    this.replicaEndpointAddresses = this.replicas.map((r) => r.address);
    this.replicaIdentifiers = this.replicas.map((r) => r.identifier);
    this.securityGroupId = this.clients.securityGroupId;
    this.instanceIdentifier = instance.identifier;
    this.resourceIds = [instance.resourceId, ...this.replicas.map((r) => r.resourceId)];
    this.connection = databaseConnection({
      scheme: engine.scheme,
      host: this.endpointAddress,
      port: engine.port,
      databaseName: props.databaseName,
      username: props.masterUsername,
      masterSecretArn: this.masterSecretArn,
    });
  }

  /** Trivy's AWS-0133 has no exemption for the classes on which RDS offers no Performance Insights. */
  private suppressMissingInsights(instance: DbInstance, props: DatabaseProps): void {
    if (props.performanceInsights) return;
    suppress(
      instance,
      "AWS-0133",
      `RDS offers no Performance Insights for ${props.engine} on ${props.instanceClass}; Enhanced Monitoring and the ` +
        "exported logs cover this instance (Checkov's CKV_AWS_353 exempts the class itself).",
      { scanners: ["trivy"] },
    );
  }

  /** RDS would create the export groups itself, unencrypted and kept forever. */
  private logGroups(scope: Construct, identifier: string, engine: EngineTraits): LogGroup[] {
    const p = this.props;
    return engine.logExports.map(
      (log) =>
        new LogGroup(scope, `LogGroup-${log}`, {
          logGroupName: `/aws/rds/instance/${identifier}/${log}`,
          retentionDays: p.logRetentionDays,
          kmsKeyArn: p.kmsKeyArn,
        }),
    );
  }

  /** Admit clients in `securityGroupId` on the engine port (called by whatever composes the compute tier). */
  allowFrom(securityGroupId: string, description = "Database clients"): void {
    this.clients.allowFrom(securityGroupId, description);
  }

  /**
   * Let `grantee` connect as database user `dbUser` with an IAM token (rds-db:connect), to
   * the primary and every read replica (each has its own resource id). The user must exist
   * with IAM authentication (README, Database: one SQL statement).
   */
  grantConnect(grantee: Grantable, dbUser: string): void {
    grantee.addToPolicy(rdsConnectStatement(this.node.id, dbUser, this.resourceIds, this.props));
  }
}
