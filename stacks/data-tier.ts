import { Construct } from "constructs";
import type { ResolvedAurora, ResolvedEnvironment } from "../config/resolve";
import { AuroraCluster } from "../constructs/aurora-cluster";
import { BACKUP_SUCCESS_FILTER_POLICY, BackupPlan, backupVaultName } from "../constructs/backup-plan";
import { Cache } from "../constructs/cache";
import { Database } from "../constructs/database";
import { EncryptedTopic } from "../constructs/encrypted-topic";
import { LogGroup } from "../constructs/log-group";
import type { Network } from "../constructs/network";
import type { Observability } from "../constructs/observability";
import type { TopicPublisher } from "../constructs/policy-document";
import { OS_METRICS_LOG_GROUP, rdsEventSubscriptionName } from "../constructs/rds-common";
import { suppress } from "../guardrails/suppressions";

export interface DataTierProps {
  readonly env: ResolvedEnvironment;
  readonly network: Network;
  /** The environment's data key: storage, master secret, Performance Insights, log groups, cache. */
  readonly kmsKeyArn: string;
  readonly observability: Observability;
  /** The DR region's key, for database backups copied there. @default none: nothing replicates */
  readonly drKeyArn?: string;
}

const GIB = 1024 ** 3;
type Db = NonNullable<ResolvedEnvironment["database"]>;
type DbAlarms = Db["alarms"];
/** A CloudWatch metric of the database, by name and statistic. */
type DbMetric = (
  metricName: string,
  statistic: string,
) => { namespace: string; metricName: string; statistic: string; dimensions: Record<string, string> };

/**
 * The environment's data stores, from the resolved config: the relational database (an RDS
 * instance, or an Aurora cluster with its AWS Backup plan) and the cache (each when the
 * config has one) with their alarm pairs. The compute tier admits itself through `allowFrom`
 * on each, grants through `grantConnect` and `cache.grantReadAuthToken`, and reads each
 * `connection`; this tier never knows it.
 */
export class DataTier extends Construct {
  /** The RDS instance (engine postgres or mysql). */
  public readonly database?: Database;
  /** The Aurora cluster (engine aurora-postgresql). */
  public readonly cluster?: AuroraCluster;
  public readonly cache?: Cache;
  /** The cluster's daily AWS Backup plan (copied to the DR region where configured). */
  public readonly clusterBackup?: BackupPlan;
  /** The DR region's topic that the copy vault notifies (with a DR copy of the cluster's backups). */
  public readonly drBackupTopic?: EncryptedTopic;
  /** The account's RDSOSMetrics log group, where this environment owns it (database.osMetricsLogGroup). */
  public readonly osMetricsLogGroup?: LogGroup;

  constructor(scope: Construct, id: string, props: DataTierProps) {
    super(scope, id);
    const { env } = props;
    if (env.cache) this.cache = this.createCache(env.cache, props);
    const db = env.database;
    if (!db) return;
    const replication = db.backupReplication;
    if (replication && !props.drKeyArn)
      throw new Error(`DataTier: \`drKeyArn\` is required: the database replicates its backups to ${replication.region}.`);
    // One per account and region: config validation keeps two owners from meeting.
    if (db.osMetricsLogGroup) {
      this.osMetricsLogGroup = new LogGroup(this, "OsMetricsLogGroup", {
        logGroupName: OS_METRICS_LOG_GROUP,
        retentionDays: db.osMetricsLogGroup.retentionDays,
        kmsKeyArn: props.kmsKeyArn,
      });
    }
    if (db.aurora) {
      [this.cluster, this.clusterBackup, this.drBackupTopic] = this.createCluster(db, db.aurora, props);
      return;
    }
    const engine = db.engine === "aurora-postgresql" ? undefined : db.engine;
    if (!engine) throw new Error(`DataTier: engine ${db.engine} resolved without its cluster settings.`);
    this.database = new Database(this, "Database", {
      ...db,
      engine,
      backupReplication: replication && { ...replication, kmsKeyArn: props.drKeyArn! },
      eventTopicArn: props.observability.topic.topicArn,
      ...this.placement(props),
    });
    if (!env.settings.protection.preventDestroy) suppress(this.database, "CKV_AWS_293", unprotectedReason(env));
    if (!db.multiAz) {
      suppress(
        this.database,
        "CKV_AWS_157",
        `Single-AZ by the ${env.env} preset (database.multiAz): a disposable environment; staging and prod run Multi-AZ.`,
        { scanners: ["checkov"] },
      );
    }
    this.watch(this.database, props.observability, db.alarms);
  }

  /**
   * Where a database goes and under which key: the data subnets, the account and region; it
   * waits for the RDSOSMetrics group where this environment creates it.
   */
  private placement({ env, network, kmsKeyArn }: DataTierProps) {
    return {
      kmsKeyArn,
      vpcId: network.vpcId,
      subnetIds: network.dataSubnetIds,
      accountId: env.accountId,
      region: env.region,
      partition: env.partition,
      osMetricsLogGroupReady: this.osMetricsLogGroup?.created,
    };
  }

  /** The cache, its single-node exception justified, and its alarm pairs. */
  private createCache(c: NonNullable<ResolvedEnvironment["cache"]>, props: DataTierProps): Cache {
    const { env } = props;
    const cache = new Cache(this, "Cache", {
      ...c,
      authToken: { ...c.authToken, secretName: c.authSecretName, recoveryWindowDays: env.settings.secrets.recoveryWindowDays },
      kmsKeyArn: props.kmsKeyArn,
      vpcId: props.network.vpcId,
      subnetIds: props.network.dataSubnetIds,
    });
    if (!c.automaticFailover) {
      suppress(
        cache,
        "CKV2_AWS_50",
        `One node by the ${env.env} preset (cache.nodeCount): nothing to fail over to; ` +
          "a lost node is rebuilt from its daily snapshot. Prod runs two.",
      );
    }
    this.watchCache(cache, props.observability, c.alarms);
    return cache;
  }

  /** Per node: memory and evictions; with replicas, replication lag (the primary reports none). */
  private watchCache(cache: Cache, observability: Observability, alarms: NonNullable<ResolvedEnvironment["cache"]>["alarms"]): void {
    const replicated = cache.memberClusterIds.length > 1;
    for (const node of cache.memberClusterIds) {
      const n = node.slice(-3);
      const metric = (metricName: string, statistic: string) => ({
        namespace: "AWS/ElastiCache",
        metricName,
        statistic,
        dimensions: { CacheClusterId: node },
      });
      const title = `Cache node ${n}`;
      observability.addAlarmPair(`CacheMemory-${n}`, title, {
        name: `cache-${n}-memory`,
        description: `Cache node ${node} memory use (%) is high: keys will be evicted, writes may fail.`,
        metric: metric("DatabaseMemoryUsagePercentage", "Maximum"),
        ...alarms.memoryAlarmPercent,
      });
      observability.addAlarmPair(`CacheEvictions-${n}`, title, {
        name: `cache-${n}-evictions`,
        description: `Cache node ${node} evicts keys to make room: sessions and counters the app wrote are gone.`,
        metric: metric("Evictions", "Sum"),
        ...alarms.evictionsAlarm,
      });
      if (!replicated) continue;
      observability.addAlarmPair(`CacheReplicationLag-${n}`, title, {
        name: `cache-${n}-replication-lag`,
        description: `Cache replica ${node} lags the primary (seconds): a failover now would lose recent writes.`,
        metric: metric("ReplicationLag", "Maximum"),
        ...alarms.replicationLagAlarmSeconds,
      });
    }
  }

  /**
   * The Aurora cluster with its event subscription, its daily AWS Backup plan (CKV2_AWS_8;
   * the way its backups reach the DR region, whose copy vault notifies a topic there), its
   * unprotected exception where the preset says so, and its alarms.
   */
  private createCluster(db: Db, aurora: ResolvedAurora, props: DataTierProps): [AuroraCluster, BackupPlan, EncryptedTopic?] {
    const { env } = props;
    const cluster = new AuroraCluster(this, "Cluster", {
      ...db,
      ...aurora,
      eventTopicArn: props.observability.topic.topicArn,
      ...this.placement(props),
    });
    const copy = db.backupReplication;
    // AWS Backup notifies only a topic of the vault's region: the copy vault gets its own,
    // under the DR key, mailed to the alarm addresses through the same filter.
    const drTopic = copy
      ? new EncryptedTopic(this, "DrBackupTopic", {
          topicName: drBackupTopicName(env),
          kmsKeyArn: props.drKeyArn!,
          publishers: dataTierDrPublishers(env),
          emails: env.alarmEmails,
          emailFilterPolicy: BACKUP_SUCCESS_FILTER_POLICY,
          region: copy.region,
        })
      : undefined;
    const backup = new BackupPlan(this, "ClusterBackup", {
      name: db.identifier,
      resourceArns: [cluster.clusterArn],
      schedule: aurora.backupSchedule,
      retentionDays: db.backupRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
      copyTo: copy && drTopic && { region: copy.region, kmsKeyArn: props.drKeyArn!, notificationTopicArn: drTopic.topicArn },
      lock: aurora.vaultLock,
      notificationTopicArn: props.observability.topic.topicArn,
      accountId: env.accountId,
      partition: env.partition,
    });
    if (!env.settings.protection.preventDestroy) suppress(cluster, "CKV_AWS_139", unprotectedReason(env));
    const metric: DbMetric = (metricName, statistic) => ({
      namespace: "AWS/RDS",
      metricName,
      statistic,
      // The writer, whichever instance holds the role after a failover.
      dimensions: { DBClusterIdentifier: cluster.clusterIdentifier, Role: "WRITER" },
    });
    this.watchCommon(props.observability, db.alarms, metric);
    if (aurora.instanceIdentifiers.length > 1) {
      props.observability.addAlarmPair("DatabaseReplicaLag", "Database", {
        name: "db-replica-lag",
        description: "An Aurora reader lags behind the writer (ms): its readers see stale data.",
        metric: metric("AuroraReplicaLagMaximum", "Maximum"),
        warning: db.alarms.replicaLagAlarmSeconds.warning * 1000,
        critical: db.alarms.replicaLagAlarmSeconds.critical * 1000,
      });
    }
    return [cluster, backup, drTopic];
  }

  /** Warning/critical pairs on CPU, connections and freeable memory (a share of the class's memory), any engine. */
  private watchCommon(observability: Observability, alarms: DbAlarms, metric: DbMetric): void {
    const title = "Database";
    observability.addAlarmPair("DatabaseCpu", title, {
      name: "db-cpu",
      description: "Database CPU utilization (%) is high: queries will slow down.",
      metric: metric("CPUUtilization", "Average"),
      ...alarms.cpuAlarmPercent,
    });
    observability.addAlarmPair("DatabaseConnections", title, {
      name: "db-connections",
      description: "Database connections are high: clients may be refused at max_connections.",
      metric: metric("DatabaseConnections", "Maximum"),
      ...alarms.connectionsAlarm,
    });
    observability.addAlarmPair("DatabaseFreeableMemory", title, {
      name: "db-freeable-memory",
      description:
        "Database freeable memory is low: the engine's caches shrink, the OS swaps, queries slow down, the instance may restart.",
      metric: metric("FreeableMemory", "Minimum"),
      ...alarms.freeableMemoryAlarmBytes,
      comparison: "LessThanThreshold",
    });
  }

  /** Warning/critical pairs on CPU, free storage and connections, and on each replica's lag. */
  private watch(database: Database, observability: Observability, alarms: DbAlarms): void {
    const metric: DbMetric = (metricName, statistic) => ({
      namespace: "AWS/RDS",
      metricName,
      statistic,
      dimensions: { DBInstanceIdentifier: database.instanceIdentifier },
    });
    const title = "Database";
    this.watchCommon(observability, alarms, metric);
    observability.addAlarmPair("DatabaseFreeStorage", title, {
      name: "db-free-storage",
      description: "Database free storage is low: storage autoscaling is at its ceiling or cannot keep up.",
      metric: metric("FreeStorageSpace", "Minimum"),
      warning: alarms.freeStorageAlarmGb.warning * GIB,
      critical: alarms.freeStorageAlarmGb.critical * GIB,
      comparison: "LessThanThreshold",
    });
    database.replicaIdentifiers.forEach((identifier, i) => {
      observability.addAlarmPair(`DatabaseReplicaLag${i + 1}`, title, {
        name: `db-replica-${i + 1}-lag`,
        description: `Read replica ${i + 1} lags behind the primary (seconds): its readers see stale data.`,
        metric: { ...metric("ReplicaLag", "Maximum"), dimensions: { DBInstanceIdentifier: identifier } },
        ...alarms.replicaLagAlarmSeconds,
      });
    });
  }
}

/** Why an unprotected database is acceptable where the preset leaves it so. */
const unprotectedReason = (env: ResolvedEnvironment): string =>
  `Deletion protection follows protection.preventDestroy, false in ${env.env} (its preset): an environment that is rebuilt, not ` +
  "restored, and so must hold no data that cannot be recreated (set protection.preventDestroy true in an environment that does); " +
  "its automated backups outlive a deletion (delete_automated_backups false) until their retention ends, and environments with " +
  "preventDestroy (prod by its preset) keep deletion protection and a final snapshot.";

/** The DR region's topic of the copy vault: `<app>-<env>-dr-backups`. */
const drBackupTopicName = (env: ResolvedEnvironment): string => `${env.names.prefix}-dr-backups`;

/** AWS Backup publishing for this account's vault `<identifier>-backups` of `region`. */
function backupVaultPublisher(env: ResolvedEnvironment, identifier: string, region: string): TopicPublisher {
  const vault = `arn:${env.partition}:backup:${region}:${env.accountId}:backup-vault:${backupVaultName(identifier)}`;
  return {
    sid: "AllowBackupVaultToPublish",
    services: ["backup.amazonaws.com"],
    condition: { StringEquals: { "aws:SourceAccount": env.accountId }, ArnLike: { "aws:SourceArn": vault } },
  };
}

/**
 * Who publishes to the alarm topic for the data tier, and how its email subscriptions
 * filter: the database's event subscription (events.rds.amazonaws.com, that subscription
 * only: the RDS instance's or the Aurora cluster's) and, with Aurora, its backup vault
 * (backup.amazonaws.com, that vault only; its successful jobs filtered out). The stack adds
 * the publishers to the topic policy and the key policy before the tier exists.
 */
export function dataTierAlarmTopic(env: ResolvedEnvironment): { publishers: TopicPublisher[]; emailFilterPolicy?: string } {
  const db = env.database;
  if (!db) return { publishers: [] };
  const { partition, region, accountId } = env;
  const subscription = `arn:${partition}:rds:${region}:${accountId}:es:${rdsEventSubscriptionName(db.identifier)}`;
  const rdsEvents: TopicPublisher = {
    sid: "AllowRdsEventsToPublish",
    services: ["events.rds.amazonaws.com"],
    condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": subscription } },
  };
  if (!db.aurora) return { publishers: [rdsEvents] };
  return { publishers: [backupVaultPublisher(env, db.identifier, region), rdsEvents], emailFilterPolicy: BACKUP_SUCCESS_FILTER_POLICY };
}

/**
 * Who publishes to the DR region's backup topic: the Aurora cluster's copy vault there, and
 * nothing else. Empty without a DR copy of the cluster's backups. The stack adds them to the
 * DR key's policy.
 */
export function dataTierDrPublishers(env: ResolvedEnvironment): TopicPublisher[] {
  const db = env.database;
  if (!db?.aurora || !db.backupReplication) return [];
  return [backupVaultPublisher(env, db.identifier, db.backupReplication.region)];
}
