import type { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import type { ResolvedBucket, ResolvedEnvironment } from "../config/resolve";
import { AppSecret } from "../constructs/app-secret";
import { Audit } from "../constructs/audit";
import { EncryptionKey, fargateEphemeralStorageStatements, KeyServiceUser } from "../constructs/encryption-key";
import { HostedZones } from "../constructs/hosted-zones";
import { Network } from "../constructs/network";
import { Observability } from "../constructs/observability";
import { attachPermissionsBoundary } from "../constructs/permissions-boundary";
import { eventRulePublisher, publisherKeyStatements, topicPublisherKeyStatement } from "../constructs/policy-document";
import { SecureBucket } from "../constructs/secure-bucket";
import { SecurityAlerts } from "../constructs/security-alerts";
import { addAppOutputs } from "./app-outputs";
import { addAwsProvider } from "./aws-provider";
import { ComputeTier } from "./compute-tier";
import { DataTier, dataTierAlarmTopic, dataTierDrPublishers } from "./data-tier";
import { EdgeTier } from "./edge-tier";
import { protectStatefulResources } from "./protection";
import { useS3Backend } from "./state-backend";

/**
 * The warning synth prints when prod's alarm topic has no subscriber in the config: security
 * alerts (GuardDuty, Config, the CIS alarms), alarms and backup failures would reach no one.
 */
export function unwatchedAlarmsWarning(env: ResolvedEnvironment): string | undefined {
  if (env.env !== "prod" || env.alarmEmails.length > 0) return undefined;
  return (
    `warning: ${env.stackNames.app}: nothing subscribes to the alarm topic, so security alerts (GuardDuty, Config, ` +
    "root use, key deletion), alarms and backup failures reach no one; set alarmEmails, or subscribe your on-call " +
    "tooling to the topic outside this config"
  );
}

/**
 * One app in one environment, its state in the environment's bootstrap backend: the data
 * key (and extra keys), network, observability, the data tier (database, cache), audit, data
 * buckets (with DR replicas where configured), secrets, and the compute tier that takes
 * their handles.
 *
 * Construct ids that carry a config name (`DataBucket-<name>`, `Secret-<name>`,
 * `Key-<purpose>`): the config name is the resource's identity, and renaming it in config
 * renames the AWS resource too, so it is a replacement either way.
 */
export class AppStack extends TerraformStack {
  public readonly dataKey: EncryptionKey;
  public readonly extraKeys: Readonly<Record<string, EncryptionKey>>;
  public readonly accessLogBucket: SecureBucket;
  public readonly network: Network;
  public readonly observability: Observability;
  /** The data stores (the relational database and the cache, when the config has them). */
  public readonly data: DataTier;
  public readonly audit: Audit;
  public readonly dataBuckets: Readonly<Record<string, SecureBucket>>;
  /** Replicas of data buckets in the DR region, by bucket name. */
  public readonly replicaBuckets: Record<string, SecureBucket> = {};
  public readonly secrets: Readonly<Record<string, AppSecret>>;
  /** GuardDuty, AWS Config and CIS alerts to the alarm topic. */
  public readonly securityAlerts: SecurityAlerts;
  /** Container services, their repositories and the ALB (when the config has services). */
  public readonly compute: ComputeTier;
  /** CloudFront, its buckets, certificate and web ACL (when the config has edge.cdn). */
  public readonly edge: EdgeTier;

  constructor(
    scope: Construct,
    private readonly env: ResolvedEnvironment,
  ) {
    super(scope, env.stackNames.app);
    addAwsProvider(this, {
      region: env.region,
      accountId: env.accountId,
      roleArn: env.deployRoleArn,
      tags: env.tags,
      sessionName: `${env.stackNames.app}-deploy`,
    });
    new RandomProvider(this, "random");
    useS3Backend(this, env, env.state.key);

    const s = env.settings;
    protectStatefulResources(this, s.protection.preventDestroy);
    // The CI deploy role may create roles only with this boundary (README, From laptop to CI).
    if (env.delivery) attachPermissionsBoundary(this, env.delivery.permissionsBoundary.policyArn);
    const { eventRulePrefix } = env.securityAlerts;
    const eventRules = eventRulePrefix ? eventRulePublisher({ ...env, rulePrefix: eventRulePrefix }) : undefined;
    const dataAlarms = dataTierAlarmTopic(env);
    const keyBase = {
      accountId: env.accountId,
      region: env.region,
      partition: env.partition,
      deletionWindowDays: s.kms.deletionWindowDays,
    };
    this.dataKey = new EncryptionKey(this, "DataKey", {
      ...keyBase,
      alias: env.names.dataKeyAlias,
      description: `Data at rest of ${env.app} ${env.env}: buckets, logs, secrets, alarm topic${env.cluster ? ", task storage" : ""}`,
      serviceUsers: [KeyServiceUser.CLOUDWATCH_LOGS, KeyServiceUser.TOPIC_PUBLISHERS],
      additionalPolicyStatements: [
        ...(eventRules ? [topicPublisherKeyStatement("AllowEventRulesToPublishToTopics", eventRules)] : []),
        ...publisherKeyStatements(dataAlarms.publishers),
        ...(env.cluster ? fargateEphemeralStorageStatements({ accountId: env.accountId, clusterName: env.cluster.clusterName }) : []),
      ],
    });
    this.extraKeys = Object.fromEntries(
      env.keys.map((k) => [
        k.purpose,
        new EncryptionKey(this, `Key-${k.purpose}`, { ...keyBase, alias: k.alias, description: k.description }),
      ]),
    );
    this.accessLogBucket = new SecureBucket(this, "AccessLogBucket", {
      bucketName: env.names.accessLogBucket,
      logging: { receivesAccessLogsFrom: { sourceAccountId: env.accountId } },
      noncurrentVersionExpirationDays: s.storage.noncurrentVersionExpirationDays,
      expirationDays: s.storage.accessLogExpirationDays,
    });

    this.network = new Network(this, "Network", {
      namePrefix: env.names.prefix,
      vpcCidr: env.network.vpcCidr,
      subnets: env.network.subnets,
      natGateways: env.network.natGateways,
      zoneIds: env.network.zoneIds,
      interfaceEndpoints: env.network.interfaceEndpoints,
      region: env.region,
      accountId: env.accountId,
      partition: env.partition,
      flowLogs: { kmsKeyArn: this.dataKey.keyArn, retentionDays: s.logs.retentionDays },
    });

    this.observability = new Observability(this, "Observability", {
      namePrefix: env.names.prefix,
      metricNamespace: env.names.metricNamespace,
      region: env.region,
      accountId: env.accountId,
      kmsKeyArn: this.dataKey.keyArn,
      alarmEmails: env.alarmEmails,
      appLogGroup: { name: env.names.appLogGroup, retentionDays: s.logs.retentionDays },
      logMetricAlarms: env.logMetricAlarms,
      budget: s.budget,
      eventRules,
      publishers: dataAlarms.publishers,
      emailFilterPolicy: dataAlarms.emailFilterPolicy,
    });

    this.data = new DataTier(this, "DataTier", {
      env,
      network: this.network,
      kmsKeyArn: this.dataKey.keyArn,
      observability: this.observability,
      drKeyArn: env.database?.backupReplication && this.drKey(env.database.backupReplication.region).keyArn,
    });

    this.dataBuckets = this.createDataBuckets();
    this.watchReplication();

    this.audit = new Audit(this, "Audit", {
      namePrefix: env.names.prefix,
      accountId: env.accountId,
      region: env.region,
      partition: env.partition,
      key: { alias: env.names.auditKeyAlias, deletionWindowDays: s.kms.deletionWindowDays },
      accessLogBucket: this.accessLogBucket,
      auditBucketName: env.names.auditBucket,
      configBucketName: env.names.configBucket,
      retentionDays: s.logs.auditRetentionDays,
      noncurrentVersionExpirationDays: s.storage.noncurrentVersionExpirationDays,
      // Watched wherever this environment writes data: bucket replicas or database backups.
      drRegion: env.buckets.find((b) => b.replica)?.replica?.region ?? env.database?.backupReplication?.region,
      dataEventBucketArns: [
        ...env.buckets
          .filter((b) => b.cloudTrailDataEvents)
          .flatMap((b) => [this.dataBuckets[b.name], this.replicaBuckets[b.name]].filter((x) => x !== undefined).map((x) => x.bucketArn)),
        // Terraform state holds the generated secrets: who read or wrote it is an audit record.
        // The trail records it where the state lives in this account (else the state account's trail does).
        ...(env.state.accountId === env.accountId ? [`arn:${env.partition}:s3:::${env.state.bucketName}`] : []),
      ],
      ...s.audit,
    });
    this.securityAlerts = this.createSecurityAlerts();

    this.secrets = Object.fromEntries(
      env.secrets.map((secret) => [
        secret.name,
        new AppSecret(this, `Secret-${secret.name}`, {
          ...secret,
          kmsKeyArn: this.dataKey.keyArn,
          recoveryWindowDays: s.secrets.recoveryWindowDays,
        }),
      ]),
    );

    const hostedZones = new HostedZones(this, "HostedZones", { zones: env.edge.hostedZones });
    this.compute = new ComputeTier(this, "ComputeTier", {
      hostedZones,
      env,
      network: this.network,
      dataKey: this.dataKey,
      keys: this.extraKeys,
      buckets: this.dataBuckets,
      secrets: this.secrets,
      data: this.data,
      observability: this.observability,
      accessLogBucket: this.accessLogBucket,
    });
    this.edge = new EdgeTier(this, "EdgeTier", {
      env,
      dataKey: this.dataKey,
      accessLogBucket: this.accessLogBucket,
      hostedZones,
      loadBalancer: this.compute.loadBalancer,
    });
    addAppOutputs(this, {
      compute: this.compute,
      data: this.data,
      edge: this.edge,
      alarmTopicArn: this.observability.topic.topicArn,
      dataKeyArn: this.dataKey.keyArn,
      appSubnetIds: this.network.appSubnetIds,
    });
  }

  /** Security events mailed to the alarm topic, from the sources Audit created; CIS alarms on the dashboard. */
  private createSecurityAlerts(): SecurityAlerts {
    const { env, audit } = this;
    const on = env.securityAlerts;
    const minSeverity = on.guardDutyMinSeverity;
    const alerts = new SecurityAlerts(this, "SecurityAlerts", {
      namePrefix: env.names.prefix,
      metricNamespace: env.names.metricNamespace,
      partition: env.partition,
      region: env.region,
      accountId: env.accountId,
      topicArn: this.observability.topic.topicArn,
      guardDuty: minSeverity !== undefined ? { minSeverity, drRegion: audit.guardDutyDrRegion } : undefined,
      configRuleNames: on.configCompliance ? audit.configRuleNames : undefined,
      trail:
        on.cisMetricFilters && audit.trailLogGroupName
          ? { logGroupName: audit.trailLogGroupName, auditKeyArn: audit.auditKey?.keyArn }
          : undefined,
    });
    if (alerts.alarmArns.length > 0) this.observability.dashboard.addAlarms("Security events (CIS)", alerts.alarmArns);
    return alerts;
  }

  /** Data buckets; those replicated in this environment get a replica in the DR region. */
  private createDataBuckets(): Record<string, SecureBucket> {
    const { env } = this;
    const s = env.settings;
    const replicated = env.buckets.filter((b) => b.replica);
    const dr = replicated.length > 0 ? this.createDisasterRecoveryBase(replicated[0].replica!.region) : undefined;
    const buckets: Record<string, SecureBucket> = {};
    for (const b of env.buckets) {
      const common = {
        noncurrentVersionExpirationDays: s.storage.noncurrentVersionExpirationDays,
        glacierAfterDays: b.glacierAfterDays,
        objectLock: b.objectLock,
      };
      const replica = b.replica && dr ? this.createReplica(b, dr, common) : undefined;
      buckets[b.name] = new SecureBucket(this, `DataBucket-${b.name}`, {
        ...common,
        bucketName: b.bucketName,
        kmsKeyArn: this.dataKey.keyArn,
        onlyItsKey: true,
        logging: { target: this.accessLogBucket },
        ...(replica && dr
          ? {
              replicateTo: {
                bucket: replica,
                kmsKeyArn: dr.key.keyArn,
                roleName: `${env.names.prefix}-${b.name}-replication`,
                accountId: env.accountId,
              },
            }
          : {}),
      });
    }
    return buckets;
  }

  /** An alarm pair on failed replication operations of every replicating data bucket. */
  private watchReplication(): void {
    for (const [name, bucket] of Object.entries(this.dataBuckets)) {
      const metric = bucket.replicationFailureMetric();
      if (!metric) continue;
      this.observability.addAlarmPair(`ReplicationFailures-${name}`, `Replication of ${name} to the DR region`, {
        name: `${name}-replication-failures`,
        description: `Objects of bucket ${name} failed to replicate to the DR region: the disaster-recovery copy is incomplete.`,
        metric,
        ...this.env.replicationFailureAlarm,
      });
    }
  }

  /** The DR region's key, created once for whatever replicates there (bucket replicas, database backups). */
  private drKey(region: string): EncryptionKey {
    const { env } = this;
    this.drKeyCache ??= new EncryptionKey(this, "DrKey", {
      alias: env.names.drKeyAlias,
      description: `Replicas of ${env.app} ${env.env} in ${region}`,
      accountId: env.accountId,
      region,
      partition: env.partition,
      deletionWindowDays: env.settings.kms.deletionWindowDays,
      placeInRegion: true,
      // The DR backup topic's publisher (the copy vault), when the cluster's backups are copied.
      additionalPolicyStatements: publisherKeyStatements(dataTierDrPublishers(env)),
    });
    return this.drKeyCache;
  }
  private drKeyCache?: EncryptionKey;

  /** The DR region's key and access-log bucket, shared by every replica. */
  private createDisasterRecoveryBase(region: string): { key: EncryptionKey; logs: SecureBucket; region: string } {
    const { env } = this;
    const s = env.settings;
    const key = this.drKey(region);
    const logs = new SecureBucket(this, "DrAccessLogBucket", {
      bucketName: env.names.drAccessLogBucket,
      logging: { receivesAccessLogsFrom: { sourceAccountId: env.accountId } },
      noncurrentVersionExpirationDays: s.storage.noncurrentVersionExpirationDays,
      expirationDays: s.storage.accessLogExpirationDays,
      region,
    });
    return { key, logs, region };
  }

  private createReplica(
    b: ResolvedBucket,
    dr: { key: EncryptionKey; logs: SecureBucket; region: string },
    common: { noncurrentVersionExpirationDays: number; glacierAfterDays?: number; objectLock?: ResolvedBucket["objectLock"] },
  ): SecureBucket {
    return (this.replicaBuckets[b.name] = new SecureBucket(this, `DataBucketReplica-${b.name}`, {
      ...common,
      bucketName: b.replica!.bucketName,
      kmsKeyArn: dr.key.keyArn,
      onlyItsKey: true,
      logging: { target: dr.logs },
      region: dr.region,
      isReplica: true,
    }));
  }
}
