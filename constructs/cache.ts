import { Construct } from "constructs";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { AppSecret, type GeneratedValueProps } from "./app-secret";
import { ClientSecurityGroup } from "./client-security-group";
import { connectionSettings, type ConnectionSettings } from "./connection";
import type { Grantable } from "./grants";
import { LogGroup } from "./log-group";

/** Logs ElastiCache delivers to CloudWatch Logs, each into its own encrypted group. */
const LOG_TYPES = ["slow-log", "engine-log"] as const;

export interface CacheProps {
  /** Replication group id, `<app>-<env>-cache`; also names its subnet and security groups. */
  readonly replicationGroupId: string;
  readonly engine: "redis" | "valkey";
  /** `engine_version` (`7.1`): auto minor version upgrades move the patch level. */
  readonly engineVersion: string;
  readonly nodeType: string;
  /** A primary and `nodeCount - 1` replicas; 2+ turns on automatic failover. */
  readonly nodeCount: number;
  /** Replicas in other AZs; needs `nodeCount` >= 2. */
  readonly multiAz: boolean;
  /** Days daily snapshots are kept. */
  readonly snapshotRetentionDays: number;
  /** Daily snapshot window, UTC `hh:mm-hh:mm`. */
  readonly snapshotWindow: string;
  /** Weekly maintenance window, UTC `ddd:hh:mm-ddd:hh:mm`. */
  readonly maintenanceWindow: string;
  /** Take a final snapshot when the group is deleted: the stack passes the protection decision. */
  readonly finalSnapshot: boolean;
  readonly port: number;
  /** CMK for the data at rest, the AUTH token secret and the log groups. */
  readonly kmsKeyArn: string;
  readonly vpcId: string;
  /** Data-tier subnets, one per AZ. */
  readonly subnetIds: readonly string[];
  /** Retention of the slow and engine logs, days. */
  readonly logRetentionDays: number;
  /** The generated AUTH token and the secret that holds it. */
  readonly authToken: GeneratedValueProps & { readonly secretName: string; readonly recoveryWindowDays: number };
}

/**
 * An ElastiCache replication group (Redis OSS or Valkey, cluster mode off) in the data
 * subnets: TLS required in transit, encrypted at rest with the CMK, an AUTH token generated
 * at apply time into Secrets Manager (the provider has no write-only argument for it, so it
 * sits in the encrypted state; the JSON holds a reference), automatic failover with two
 * nodes or more, daily snapshots, slow and engine logs in KMS-encrypted log groups. Its
 * security group admits nothing until `allowFrom` admits a client group on the port.
 */
export class Cache extends Construct {
  public readonly primaryEndpointAddress: string;
  public readonly port: number;
  /** Secret holding the AUTH token (the whole secret string). */
  public readonly authSecretArn: string;
  public readonly securityGroupId: string;
  public readonly replicationGroupId: string;
  /** Ids of the member nodes (`<id>-001`, ...): the CacheClusterId of their metrics. */
  public readonly memberClusterIds: readonly string[];
  /** `REDIS_URL` (rediss://host:port), `REDIS_HOST`, `REDIS_PORT`; `REDIS_PASSWORD` by reference. */
  public readonly connection: ConnectionSettings;
  private readonly clients: ClientSecurityGroup;
  private readonly authSecret: AppSecret;

  constructor(scope: Construct, id: string, props: CacheProps) {
    super(scope, id);
    if (props.multiAz && props.nodeCount < 2) {
      throw new Error(`Cache ${this.node.path}: \`multiAz\` needs \`nodeCount\` >= 2 (got ${props.nodeCount}): a replica to fail over to.`);
    }
    const name = props.replicationGroupId;
    const subnets = new ElasticacheSubnetGroup(this, "SubnetGroup", {
      name,
      description: `Data subnets of ${name}`,
      subnetIds: [...props.subnetIds],
    });
    this.clients = new ClientSecurityGroup(this, {
      name,
      description: `ElastiCache ${name}: port ${props.port} from admitted client security groups only`,
      vpcId: props.vpcId,
      port: props.port,
      protocol: `${props.engine} over TLS`,
    });
    const { secretName, recoveryWindowDays, ...token } = props.authToken;
    this.authSecret = new AppSecret(this, "AuthToken", {
      secretName,
      description: `AUTH token of ElastiCache ${name}`,
      kmsKeyArn: props.kmsKeyArn,
      recoveryWindowDays,
      generate: token,
    });
    // ElastiCache does not create the groups: delivery fails without them.
    const logGroups = LOG_TYPES.map(
      (log) =>
        new LogGroup(this, `LogGroup-${log}`, {
          logGroupName: `/aws/elasticache/${name}/${log}`,
          retentionDays: props.logRetentionDays,
          kmsKeyArn: props.kmsKeyArn,
        }),
    );
    const failover = props.nodeCount >= 2;

    const group = new ElasticacheReplicationGroup(this, "ReplicationGroup", {
      replicationGroupId: name,
      description: `Cache ${name}: TLS, AUTH, encrypted at rest`,
      engine: props.engine,
      engineVersion: props.engineVersion,
      autoMinorVersionUpgrade: "true",
      nodeType: props.nodeType,
      numCacheClusters: props.nodeCount,
      automaticFailoverEnabled: failover,
      multiAzEnabled: props.multiAz,
      port: props.port,
      subnetGroupName: subnets.name,
      securityGroupIds: [this.clients.securityGroupId],
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      authToken: this.authSecret.generatedValues.value,
      atRestEncryptionEnabled: "true",
      kmsKeyId: props.kmsKeyArn,
      snapshotRetentionLimit: props.snapshotRetentionDays,
      snapshotWindow: props.snapshotWindow,
      maintenanceWindow: props.maintenanceWindow,
      ...(props.finalSnapshot ? { finalSnapshotIdentifier: `${name}-final` } : {}),
      logDeliveryConfiguration: logGroups.map((g, i) => ({
        destination: g.logGroupName,
        destinationType: "cloudwatch-logs",
        logFormat: "json",
        logType: LOG_TYPES[i],
      })),
    });
    this.primaryEndpointAddress = group.primaryEndpointAddress;
    this.port = props.port;
    this.authSecretArn = this.authSecret.secretArn;
    this.securityGroupId = this.clients.securityGroupId;
    this.replicationGroupId = name;
    this.memberClusterIds = Array.from({ length: props.nodeCount }, (_, i) => `${name}-${String(i + 1).padStart(3, "0")}`);
    this.connection = connectionSettings({
      prefix: "REDIS",
      scheme: "rediss",
      host: this.primaryEndpointAddress,
      port: props.port,
      credentials: { PASSWORD: { secretArn: this.authSecretArn } },
    });
  }

  /** Admit clients in `securityGroupId` on the port (called by whatever composes the compute tier). */
  allowFrom(securityGroupId: string, description = "Cache clients"): void {
    this.clients.allowFrom(securityGroupId, description);
  }

  /** Let `grantee` read the AUTH token (e.g. the role that injects `REDIS_PASSWORD`). */
  grantReadAuthToken(grantee: Grantable): void {
    this.authSecret.grantRead(grantee);
  }
}
