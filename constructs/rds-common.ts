/**
 * What the RDS instance (`Database`) and the Aurora cluster (`AuroraCluster`) share: the
 * PostgreSQL parameters that force TLS and log for audit, the certificate authority, and
 * the enhanced-monitoring role, the event subscription to the alarm topic.
 */
import type { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { DbEventSubscription } from "@cdktf/provider-aws/lib/db-event-subscription";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { ClientSecurityGroup } from "./client-security-group";
import { sid, type PolicyStatement } from "./policy-document";
import { ServiceRole } from "./service-role";

/**
 * PostgreSQL parameters: TLS forced, connections, DDL and errors logged, slow statements
 * logged without their bind values.
 */
export const POSTGRES_PARAMETERS: readonly { readonly name: string; readonly value: string }[] = [
  { name: "rds.force_ssl", value: "1" },
  { name: "log_connections", value: "1" },
  { name: "log_disconnections", value: "1" },
  // DDL and role changes, not every statement: statements carry PHI in their literals.
  { name: "log_statement", value: "ddl" },
  { name: "log_min_duration_statement", value: "1000" },
  { name: "log_min_error_statement", value: "error" },
  // A logged slow or failed statement would carry its bind values (the PHI an app passes as
  // parameters; PostgreSQL's default logs them in full): none, on success or error.
  { name: "log_parameter_max_length", value: "0" },
  { name: "log_parameter_max_length_on_error", value: "0" },
];

/** The server certificate authority of every instance (CKV_AWS_211: a current one). */
export const RDS_CA_IDENTIFIER = "rds-ca-rsa2048-g1";

/**
 * RDS event categories notified, per source type (each type has its own list; RDS refuses a
 * category its type lacks). An instance: failures (a KMS key RDS cannot reach, storage
 * autoscaling that cannot grow, an instance put into a failed state), low storage,
 * configuration changes (the master password reset, class or storage modified), deletion,
 * Multi-AZ failover and `security`. An Aurora cluster (db-cluster): failure, configuration
 * change (master password reset, activity stream started or stopped), deletion and failover;
 * it has no low-storage or security category. Not `backup`: it carries only the daily
 * "Backing up" / "Finished backup" pair (RDS-EVENT-0001, 0002), and RDS documents no event for
 * a failed automated backup replication.
 */
export const RDS_EVENT_CATEGORIES = {
  "db-instance": ["configuration change", "deletion", "failover", "failure", "low storage", "security"],
  "db-cluster": ["configuration change", "deletion", "failover", "failure"],
} as const;

/** Name of the event subscription of the instance or cluster `identifier` (the alarm topic admits it by this name). */
export const rdsEventSubscriptionName = (identifier: string): string => `${identifier}-events`;

/**
 * Subscribe `topicArn` to the RDS_EVENT_CATEGORIES events of `sourceIds` (instances, or one
 * cluster), as `rdsEventSubscriptionName(identifier)`.
 */
export function rdsEventSubscription(
  scope: Construct,
  p: { identifier: string; topicArn: string; sourceType: keyof typeof RDS_EVENT_CATEGORIES; sourceIds: string[] },
): DbEventSubscription {
  return new DbEventSubscription(scope, "Events", {
    name: rdsEventSubscriptionName(p.identifier),
    snsTopic: p.topicArn,
    sourceType: p.sourceType,
    sourceIds: p.sourceIds,
    eventCategories: [...RDS_EVENT_CATEGORIES[p.sourceType]],
  });
}

/** What an RDS instance and an Aurora cluster are both given. */
export interface RdsBaseProps {
  /** Major version (`16`, `8.4`): RDS picks the minor and auto minor upgrades move it. */
  readonly majorVersion: string;
  /** `engine_lifecycle_support`, set explicitly (the resolved decision). */
  readonly engineLifecycleSupport: string;
  /** Database created with the instance or cluster. */
  readonly databaseName: string;
  /** Master user; RDS keeps its password in Secrets Manager under `kmsKeyArn`. */
  readonly masterUsername: string;
  /** Days of automated backups (point-in-time recovery), 7-35. */
  readonly backupRetentionDays: number;
  /** Daily backup window, UTC `hh:mm-hh:mm`. */
  readonly backupWindow: string;
  /** Weekly maintenance window, UTC `ddd:hh:mm-ddd:hh:mm`. */
  readonly maintenanceWindow: string;
  /**
   * Take a final snapshot on delete. The stack passes the protection decision: off where
   * the environment is disposable.
   */
  readonly finalSnapshot: boolean;
  /** CMK for storage, the master secret, Performance Insights and the log groups. */
  readonly kmsKeyArn: string;
  readonly vpcId: string;
  /** Data-tier subnets, one per AZ (no route to the internet). */
  readonly subnetIds: readonly string[];
  /** Retention of the exported engine logs, days. */
  readonly logRetentionDays: number;
  /** Enhanced monitoring interval, seconds (1, 5, 10, 15, 30 or 60). */
  readonly monitoringIntervalSeconds: number;
  /**
   * The pre-created, encrypted `RDSOSMetrics` log group (OS_METRICS_LOG_GROUP): instances
   * wait for it, so RDS never creates it unencrypted.
   * @default - created elsewhere (another environment or app of the account and region)
   */
  readonly osMetricsLogGroupReady?: ITerraformDependable;
  readonly performanceInsightsRetentionDays: number;
  /**
   * SNS topic that gets the RDS_EVENT_CATEGORIES events (of the instance and its replicas, or
   * of the cluster) through the subscription `rdsEventSubscriptionName(identifier)`; its
   * policy and key must admit events.rds.amazonaws.com for that subscription.
   * @default - no event subscription
   */
  readonly eventTopicArn?: string;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

export interface MonitoringRoleProps {
  /** The instance or cluster identifier: names the role `<identifier>-monitoring`. */
  readonly identifier: string;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

/**
 * Where enhanced monitoring writes OS metrics, every instance of the account and region: RDS
 * creates it unencrypted and kept forever unless it exists.
 */
export const OS_METRICS_LOG_GROUP = "RDSOSMetrics";

/**
 * The role enhanced monitoring publishes OS metrics with (to the OS_METRICS_LOG_GROUP log
 * group), as `MonitoringRole` in `scope`.
 */
export function rdsMonitoringRole(scope: Construct, p: MonitoringRoleProps): ServiceRole {
  // AmazonRDSEnhancedMonitoringRole allows every RDS* group; enhanced monitoring writes to one.
  const groups = `arn:${p.partition}:logs:${p.region}:${p.accountId}:log-group:${OS_METRICS_LOG_GROUP}`;
  return new ServiceRole(scope, "MonitoringRole", {
    roleName: `${p.identifier}-monitoring`,
    service: "monitoring.rds.amazonaws.com",
    sourceAccountId: p.accountId,
    description: `Enhanced monitoring of RDS ${p.identifier}`,
    // The actions of AmazonRDSEnhancedMonitoringRole, kept to this account, region and group.
    statements: [
      { Sid: "ManageRdsLogGroups", Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:PutRetentionPolicy"], Resource: groups },
      {
        Sid: "WriteRdsLogStreams",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents"],
        Resource: `${groups}:log-stream:*`,
      },
    ],
  });
}

/**
 * rds-db:connect as `dbUser` on the databases with these resource ids (an instance and its
 * replicas each have one; an Aurora cluster has one for all its instances).
 */
export function rdsConnectStatement(
  owner: string,
  dbUser: string,
  resourceIds: readonly string[],
  p: MonitoringRoleProps,
): PolicyStatement {
  const arns = resourceIds.map((id) => `arn:${p.partition}:rds-db:${p.region}:${p.accountId}:dbuser:${id}/${dbUser}`);
  return { Sid: sid("Connect", owner, dbUser), Effect: "Allow", Action: "rds-db:connect", Resource: arns.length === 1 ? arns[0] : arns };
}

/**
 * A database's place in the network, created in `scope` as `SubnetGroup` and
 * `SecurityGroup`: a subnet group over the data subnets and a security group that admits
 * no one until `allowFrom`, both named `name`.
 */
export function rdsPlacement(
  scope: Construct,
  p: {
    readonly name: string;
    readonly kind: string;
    readonly subnetIds: readonly string[];
    readonly vpcId: string;
    readonly port: number;
    readonly protocol: string;
  },
): { readonly subnetGroupName: string; readonly clients: ClientSecurityGroup } {
  const subnets = new DbSubnetGroup(scope, "SubnetGroup", {
    name: p.name,
    description: `Data subnets of ${p.name}`,
    subnetIds: [...p.subnetIds],
  });
  const clients = new ClientSecurityGroup(scope, {
    name: p.name,
    description: `${p.kind} ${p.name}: engine port from admitted client security groups only`,
    vpcId: p.vpcId,
    port: p.port,
    protocol: p.protocol,
  });
  return { subnetGroupName: subnets.name, clients };
}
