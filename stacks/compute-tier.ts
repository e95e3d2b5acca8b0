import { Construct } from "constructs";
import type { ResolvedEnvironment, ResolvedService } from "../config/resolve";
import type { AlarmMetric } from "../constructs/alarm-pair";
import type { AppSecret } from "../constructs/app-secret";
import { ContainerCluster } from "../constructs/container-cluster";
import { ContainerRepository } from "../constructs/container-repository";
import { ContainerTask } from "../constructs/container-task";
import { connectionSettings, valueFrom } from "../constructs/connection";
import type { EncryptionKey } from "../constructs/encryption-key";
import { FargateService } from "../constructs/fargate-service";
import { LoadBalancer } from "../constructs/load-balancer";
import type { Network } from "../constructs/network";
import type { Observability } from "../constructs/observability";
import type { SecureBucket } from "../constructs/secure-bucket";
import { WebAcl } from "../constructs/web-acl";
import type { DataTier } from "./data-tier";

export interface ComputeTierProps {
  readonly env: ResolvedEnvironment;
  readonly network: Network;
  /** The environment's data key: repositories, ECS Exec. */
  readonly dataKey: EncryptionKey;
  /** Extra keys by purpose, for `grants.keys`. */
  readonly keys: Readonly<Record<string, EncryptionKey>>;
  /** Data buckets by config name, for `grants.buckets`. */
  readonly buckets: Readonly<Record<string, SecureBucket>>;
  /** Config secrets by name, for `secrets`. */
  readonly secrets: Readonly<Record<string, AppSecret>>;
  readonly data: DataTier;
  readonly observability: Observability;
  /** Receives the ALB log bucket's own S3 access logs. */
  readonly accessLogBucket: SecureBucket;
}

/**
 * The environment's container services, from the resolved config: per ECS service an ECR
 * repository, a task (roles holding only their grants) and a Fargate service behind the
 * ALB, with its alarm pairs; the cluster and the ALB shared by them, the ALB behind a
 * web ACL. It admits itself to the data tier (`allowFrom`) and takes its grants from the
 * resources below; nothing below knows it.
 */
export class ComputeTier extends Construct {
  public readonly cluster?: ContainerCluster;
  public readonly loadBalancer?: LoadBalancer;
  /** The ALB's web ACL, unless the config turns it off. */
  public readonly webAcl?: WebAcl;
  public readonly repositories: Readonly<Record<string, ContainerRepository>> = {};
  public readonly tasks: Readonly<Record<string, ContainerTask>> = {};
  public readonly services: Readonly<Record<string, FargateService>> = {};

  constructor(scope: Construct, id: string, private readonly props: ComputeTierProps) {
    super(scope, id);
    const { env } = props;
    const ecs = env.services.filter((s) => s.kind === "ecs");
    if (ecs.length === 0 || !env.cluster || !env.edge.alb) return;
    this.cluster = new ContainerCluster(this, "Cluster", { ...env.cluster, kmsKeyArn: props.dataKey.keyArn });
    // One ECS service for now (validateSpec): the ALB forwards everything to it.
    const first = ecs[0];
    const alb = env.edge.alb;
    this.loadBalancer = new LoadBalancer(this, "LoadBalancer", {
      name: alb.name,
      vpcId: props.network.vpcId,
      publicSubnetIds: props.network.publicSubnetIds,
      certificateArn: alb.certificateArn,
      sslPolicy: alb.sslPolicy,
      deletionProtection: alb.deletionProtection,
      target: { port: first.port, healthCheckPath: first.healthCheckPath, deregistrationDelaySeconds: alb.deregistrationDelaySeconds },
      accessLogs: {
        bucketName: alb.logBucketName,
        prefix: alb.logPrefix,
        delivery: alb.logDelivery,
        accountId: env.accountId,
        partition: env.partition,
        expirationDays: alb.logExpirationDays,
        noncurrentVersionExpirationDays: env.settings.storage.noncurrentVersionExpirationDays,
        serverAccessLogTarget: props.accessLogBucket,
      },
    });
    this.webAcl = this.createWebAcl(this.loadBalancer);
    for (const s of ecs) this.createEcsService(s, this.cluster, this.loadBalancer);
  }

  /** The REGIONAL web ACL on the ALB, its logs, and an alarm pair on blocked requests. */
  private createWebAcl(alb: LoadBalancer): WebAcl | undefined {
    const { env } = this.props;
    const waf = env.edge.waf;
    if (!waf) return undefined;
    const acl = new WebAcl(this, "WebAcl", {
      name: waf.name,
      managedRuleGroups: waf.managedRuleGroups,
      rateLimitPer5Min: waf.rateLimitPer5Min,
      protectedArns: [alb.loadBalancerArn],
      logs: { groupName: waf.logGroupName, retentionDays: waf.logRetentionDays, kmsKeyArn: this.props.dataKey.keyArn, redactedHeaders: waf.redactedHeaders },
      accountId: env.accountId,
      region: env.region,
      partition: env.partition,
    });
    this.props.observability.addAlarmPair("WafBlocked", "Web ACL", {
      name: "waf-blocked",
      description: "the web ACL blocks many requests (per 5 minutes): an attack, or a rule blocking real clients (see the aws-waf-logs group).",
      metric: { namespace: "AWS/WAFV2", metricName: "BlockedRequests", statistic: "Sum", dimensions: { WebACL: waf.name, Region: env.region, Rule: "ALL" } },
      ...waf.blockedRequestsAlarm,
    });
    return acl;
  }

  private createEcsService(s: ResolvedService, cluster: ContainerCluster, alb: LoadBalancer): void {
    const { env, data, observability } = this.props;
    const repository = new ContainerRepository(this, `Repository-${s.name}`, {
      repositoryName: s.resourceName,
      kmsKeyArn: this.props.dataKey.keyArn,
      ...s.repository,
    });
    const logs = observability.appLogGroup;
    const { environment, secrets } = this.settingsOf(s);
    const g = s.grants;
    const task = new ContainerTask(this, `Task-${s.name}`, {
      name: s.resourceName,
      image: `${repository.repositoryUrl}:${s.imageTag}`,
      cpu: s.cpu,
      memoryMb: s.memoryMb,
      port: s.port,
      healthCheckPath: s.healthCheckPath,
      user: s.user,
      environment,
      secrets,
      logs: { groupName: logs.logGroupName, groupArn: logs.logGroupArn, streamPrefix: s.logStreamPrefix },
      accountId: env.accountId,
      region: env.region,
      partition: env.partition,
      taskRole: g.buckets.length > 0 || g.keys.length > 0 || g.database,
    });
    repository.grantPull(task.executionRole);
    for (const name of new Set(Object.values(s.secrets))) this.props.secrets[name].grantRead(task.executionRole);
    this.grant(s, task);

    const service = new FargateService(this, `Service-${s.name}`, {
      ...s,
      name: s.resourceName,
      clusterArn: cluster.clusterArn,
      clusterName: cluster.clusterName,
      taskDefinitionArn: task.taskDefinitionArn,
      containerName: task.containerName,
      vpcId: this.props.network.vpcId,
      subnetIds: this.props.network.appSubnetIds,
      loadBalancer: alb,
      healthCheckGraceSeconds: env.edge.alb!.healthCheckGraceSeconds,
    });
    alb.allowTo(service.securityGroupId, s.port, `Forward to ${s.name} tasks`);
    const db = this.relational;
    if (g.database && db) {
      db.allowFrom(service.securityGroupId, `${s.name} tasks`);
      service.allowTo(db.securityGroupId, db.port, "Database");
    }
    if (g.cache && data.cache) {
      data.cache.allowFrom(service.securityGroupId, `${s.name} tasks`);
      service.allowTo(data.cache.securityGroupId, data.cache.port, "Cache");
      data.cache.grantReadAuthToken(task.executionRole);
    }
    Object.assign(this.repositories, { [s.name]: repository });
    Object.assign(this.tasks, { [s.name]: task });
    Object.assign(this.services, { [s.name]: service });
    this.watch(s, cluster, alb);
  }

  /** The task role gets exactly the service's grants: buckets, keys, database connect. */
  private grant(s: ResolvedService, task: ContainerTask): void {
    const role = task.taskRole;
    if (!role) return;
    for (const b of s.grants.buckets) {
      const bucket = this.props.buckets[b.name];
      if (b.access === "read") bucket.grantRead(role);
      else if (b.access === "write") bucket.grantWrite(role);
      else bucket.grantReadWrite(role);
    }
    for (const k of s.grants.keys) this.props.keys[k].grantEncryptDecrypt(role);
    if (s.grants.database) this.relational?.grantConnect(role, s.databaseUser);
  }

  /** The relational database, whichever engine: an RDS instance or an Aurora cluster. */
  private get relational() {
    return this.props.data.database ?? this.props.data.cluster;
  }

  /** Plain variables and secret references: the config's, then the data stores' connection settings. */
  private settingsOf(s: ResolvedService): { environment: Record<string, string>; secrets: Record<string, string> } {
    const { data, env } = this.props;
    const environment: Record<string, string> = { ...s.environment };
    const secrets: Record<string, string> = Object.fromEntries(
      Object.entries(s.secrets).map(([variable, name]) => [variable, this.props.secrets[name].secretArn]),
    );
    const db = this.relational;
    if (s.grants.database && db && env.database) {
      const scheme = env.database.engine === "mysql" ? "mysql" : "postgresql";
      const settings = connectionSettings({
        prefix: "DATABASE",
        scheme,
        host: db.endpointAddress,
        port: db.port,
        path: env.database.databaseName,
        values: { NAME: env.database.databaseName, USER: s.databaseUser },
        credentials: {},
      });
      Object.assign(environment, settings.values);
    }
    if (s.grants.cache && data.cache) {
      Object.assign(environment, data.cache.connection.values);
      for (const [k, ref] of Object.entries(data.cache.connection.secrets)) secrets[k] = valueFrom(ref);
    }
    return { environment, secrets };
  }

  /** Warning/critical pairs: CPU, memory, target 5xx, p95 latency, unhealthy targets. */
  private watch(s: ResolvedService, cluster: ContainerCluster, alb: LoadBalancer): void {
    const o = this.props.observability;
    const a = s.alarms;
    const title = `Service ${s.name}`;
    const ecs = (metricName: string) => ({ namespace: "AWS/ECS", metricName, statistic: "Average", dimensions: { ClusterName: cluster.clusterName, ServiceName: s.resourceName } });
    const lb = (metricName: string, stat: { statistic?: string; extendedStatistic?: string }) => ({
      namespace: "AWS/ApplicationELB",
      metricName,
      ...stat,
      dimensions: { LoadBalancer: alb.arnSuffix, TargetGroup: alb.targetGroupArnSuffix },
    });
    const pair = (id: string, name: string, description: string, metric: AlarmMetric, t: { warning: number; critical: number }) =>
      o.addAlarmPair(`${id}-${s.name}`, title, { name: `${s.name}-${name}`, description: `${s.name}: ${description}`, metric, ...t });
    pair("ServiceCpu", "cpu", "average CPU (%) of the tasks is high; scaling is at its maximum or cannot keep up.", ecs("CPUUtilization"), a.cpuAlarmPercent);
    pair("ServiceMemory", "memory", "average memory (%) of the tasks is high; tasks may be killed out of memory.", ecs("MemoryUtilization"), a.memoryAlarmPercent);
    pair("Service5xx", "5xx", "the tasks answer with 5xx errors (count per 5 minutes).", lb("HTTPCode_Target_5XX_Count", { statistic: "Sum" }), a.http5xxAlarm);
    pair("ServiceLatency", "latency-p95", "p95 response time of the tasks (seconds) is high.", lb("TargetResponseTime", { extendedStatistic: "p95" }), a.latencyP95AlarmSeconds);
    pair("ServiceUnhealthy", "unhealthy-targets", "tasks fail the ALB health check.", lb("UnHealthyHostCount", { statistic: "Maximum" }), a.unhealthyTargetsAlarm);
  }
}
