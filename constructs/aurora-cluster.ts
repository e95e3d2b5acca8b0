import { Construct } from "constructs";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
import type { ClientSecurityGroup } from "./client-security-group";
import { databaseConnection, type ConnectionSettings } from "./connection";
import type { Grantable } from "./grants";
import { LogGroup } from "./log-group";
import {
  POSTGRES_PARAMETERS,
  RDS_CA_IDENTIFIER,
  rdsConnectStatement,
  rdsEventSubscription,
  rdsMonitoringRole,
  rdsPlacement,
  type RdsBaseProps,
} from "./rds-common";

const ENGINE = "aurora-postgresql";
const PORT = 5432;
/** Aurora PostgreSQL exports one log: connections, DDL, slow statements and errors. */
const LOG_EXPORTS = ["postgresql"] as const;

export interface AuroraClusterProps extends RdsBaseProps {
  /** Cluster identifier, `<app>-<env>-db`; also names its subnet, parameter and security groups. */
  readonly identifier: string;
  /** Class of every instance, writer and readers. */
  readonly instanceClass: string;
  /**
   * Instance identifiers: the first is created as the writer (promotion tier 0), the rest
   * are readers (tier 1), each a failover target.
   */
  readonly instanceIdentifiers: readonly string[];
}

/**
 * An Aurora PostgreSQL cluster in the data subnets: a writer and readers of one class, TLS
 * forced and connections, DDL and errors logged by its cluster parameter group into a
 * KMS-encrypted log group, storage encrypted with the CMK, IAM database authentication, a
 * master password Aurora keeps in Secrets Manager (none in JSON or state), Performance
 * Insights and enhanced monitoring on every instance, no public access. Its security group
 * admits nothing until `allowFrom` admits a client group on 5432. Backtrack is an Aurora
 * MySQL feature: not applicable.
 */
export class AuroraCluster extends Construct {
  /** The cluster (writer) endpoint. */
  public readonly endpointAddress: string;
  /** The reader endpoint: reads balanced over the readers (the writer when there are none). */
  public readonly readerEndpointAddress: string;
  public readonly port = PORT;
  /** Aurora's own secret with the master credentials (JSON `username`, `password`), rotated every 7 days. */
  public readonly masterSecretArn: string;
  public readonly securityGroupId: string;
  public readonly clusterIdentifier: string;
  public readonly clusterArn: string;
  /** Identifiers of the instances, the initial writer first. */
  public readonly instanceIdentifiers: readonly string[];
  /** `DATABASE_URL`, `_HOST`, `_READER_HOST`, `_PORT`, `_NAME`, `_USERNAME` plain; `DATABASE_PASSWORD` by reference. */
  public readonly connection: ConnectionSettings;
  private readonly clusterResourceId: string;
  private readonly clients: ClientSecurityGroup;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: AuroraClusterProps,
  ) {
    super(scope, id);
    if (props.instanceIdentifiers.length === 0) {
      throw new Error(`AuroraCluster ${this.node.path}: \`instanceIdentifiers\` needs at least the writer.`);
    }
    const name = props.identifier;
    const placed = rdsPlacement(this, { ...props, name, kind: "Aurora", port: PORT, protocol: "postgres over TLS" });
    this.clients = placed.clients;
    const family = `${ENGINE}${props.majorVersion}`;
    // Named for the family, replaced before destroy: a major upgrade brings a new group.
    const parameters = new RdsClusterParameterGroup(this, "ParameterGroup", {
      name: `${name}-${family}`,
      family,
      description: `${name}: TLS only, connection and DDL logging`,
      parameter: POSTGRES_PARAMETERS.map((p) => ({ ...p, applyMethod: "pending-reboot" })),
      lifecycle: { createBeforeDestroy: true },
    });
    // Aurora would create the group itself, unencrypted and kept forever.
    const logGroups = LOG_EXPORTS.map(
      (log) =>
        new LogGroup(this, `LogGroup-${log}`, {
          logGroupName: `/aws/rds/cluster/${name}/${log}`,
          retentionDays: props.logRetentionDays,
          kmsKeyArn: props.kmsKeyArn,
        }),
    );
    const cluster = new RdsCluster(this, "Cluster", {
      clusterIdentifier: name,
      engine: ENGINE,
      engineVersion: props.majorVersion,
      engineLifecycleSupport: props.engineLifecycleSupport,
      databaseName: props.databaseName,
      masterUsername: props.masterUsername,
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.kmsKeyArn,
      port: PORT,
      dbSubnetGroupName: placed.subnetGroupName,
      vpcSecurityGroupIds: [this.clients.securityGroupId],
      dbClusterParameterGroupName: parameters.name,
      storageEncrypted: true,
      kmsKeyId: props.kmsKeyArn,
      iamDatabaseAuthenticationEnabled: true,
      enabledCloudwatchLogsExports: [...LOG_EXPORTS],
      backupRetentionPeriod: props.backupRetentionDays,
      preferredBackupWindow: props.backupWindow,
      preferredMaintenanceWindow: props.maintenanceWindow,
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: false,
      skipFinalSnapshot: !props.finalSnapshot,
      ...(props.finalSnapshot ? { finalSnapshotIdentifier: `${name}-final` } : {}),
      dependsOn: logGroups.map((g) => g.created),
    });
    const monitoring = rdsMonitoringRole(this, props);
    this.instanceIdentifiers = [...props.instanceIdentifiers];
    let writer: RdsClusterInstance | undefined;
    props.instanceIdentifiers.forEach((identifier, i) => {
      // Construct ids by position: instance n keeps its address whatever the count becomes.
      const instance = new RdsClusterInstance(this, `Instance${i + 1}`, {
        identifier,
        clusterIdentifier: cluster.id,
        engine: ENGINE,
        engineVersion: props.majorVersion,
        instanceClass: props.instanceClass,
        dbSubnetGroupName: placed.subnetGroupName,
        publiclyAccessible: false,
        promotionTier: i === 0 ? 0 : 1,
        autoMinorVersionUpgrade: true,
        copyTagsToSnapshot: true,
        caCertIdentifier: RDS_CA_IDENTIFIER,
        preferredMaintenanceWindow: props.maintenanceWindow,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: props.kmsKeyArn,
        performanceInsightsRetentionPeriod: props.performanceInsightsRetentionDays,
        monitoringInterval: props.monitoringIntervalSeconds,
        monitoringRoleArn: monitoring.roleArn,
        // Readers wait for instance 1, so the first instance up (the writer) is instance 1.
        dependsOn: [
          monitoring.policyReady,
          ...(props.osMetricsLogGroupReady ? [props.osMetricsLogGroupReady] : []),
          ...(writer ? [writer] : []),
        ],
      });
      writer ??= instance;
    });
    if (props.eventTopicArn) {
      rdsEventSubscription(this, {
        identifier: name,
        topicArn: props.eventTopicArn,
        sourceType: "db-cluster",
        sourceIds: [cluster.clusterIdentifier],
      });
    }
    this.endpointAddress = cluster.endpoint;
    this.readerEndpointAddress = cluster.readerEndpoint;
    this.masterSecretArn = cluster.masterUserSecret.get(0).secretArn;
    this.securityGroupId = this.clients.securityGroupId;
    this.clusterIdentifier = name;
    this.clusterArn = cluster.arn;
    this.clusterResourceId = cluster.clusterResourceId;
    this.connection = databaseConnection({
      scheme: "postgresql",
      host: this.endpointAddress,
      readerHost: this.readerEndpointAddress,
      port: PORT,
      databaseName: props.databaseName,
      username: props.masterUsername,
      masterSecretArn: this.masterSecretArn,
    });
  }

  /** Admit clients in `securityGroupId` on 5432 (called by whatever composes the compute tier). */
  allowFrom(securityGroupId: string, description = "Database clients"): void {
    this.clients.allowFrom(securityGroupId, description);
  }

  /**
   * Let `grantee` connect as database user `dbUser` with an IAM token (rds-db:connect) to
   * any instance of the cluster: IAM database users of Aurora live under the cluster's
   * resource id. The user must exist with IAM authentication (README, Database).
   */
  grantConnect(grantee: Grantable, dbUser: string): void {
    grantee.addToPolicy(
      rdsConnectStatement(this.node.id, dbUser, [this.clusterResourceId], { ...this.props, identifier: this.clusterIdentifier }),
    );
  }
}
