import { Construct } from "constructs";
import type { ResolvedAlb, ResolvedEnvironment, ResolvedService } from "../config/resolve";
import type { AlarmExpression, AlarmMetric, AlarmPairProps } from "../constructs/alarm-pair";
import type { DashboardMetric } from "../constructs/dashboard";
import type { AppSecret } from "../constructs/app-secret";
import { AppRunnerService } from "../constructs/apprunner-service";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Certificate } from "../constructs/certificate";
import { ContainerCluster } from "../constructs/container-cluster";
import { ContainerRepository } from "../constructs/container-repository";
import { ContainerTask } from "../constructs/container-task";
import { connectionSettings, valueFrom } from "../constructs/connection";
import type { EncryptionKey } from "../constructs/encryption-key";
import type { HostedZones } from "../constructs/hosted-zones";
import { FargateService } from "../constructs/fargate-service";
import { LoadBalancer, type LoadBalancerTarget, type TargetHandle } from "../constructs/load-balancer";
import type { Network } from "../constructs/network";
import type { Observability } from "../constructs/observability";
import type { SecureBucket } from "../constructs/secure-bucket";
import type { ServiceRole } from "../constructs/service-role";
import type { ServiceEgressProps } from "../constructs/service-security-group";
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
  /** Route 53 zones of the config: the ALB's certificate is validated and its alias record written there. */
  readonly hostedZones: HostedZones;
}

/** What a service exposes to be let through to the database and the cache. */
interface DataClient {
  readonly securityGroupId: string;
  allowTo(securityGroupId: string, port: number, description: string): void;
}

/**
 * The environment's container services, from the resolved config, by kind. Per ECS
 * service an ECR repository, a task (roles holding only their grants) and a Fargate
 * service behind the ALB, with its alarm pairs; the cluster and the ALB shared by them,
 * only when an ECS service exists. Per App Runner service an ECR repository and the
 * service (access role pulling that repository, instance role holding only its grants,
 * VPC connector), with its alarm pairs. The ALB and the App Runner services sit behind
 * one web ACL. It admits itself to the data tier (`allowFrom`) and takes its grants from the
 * resources below; nothing below knows it.
 */
export class ComputeTier extends Construct {
  public readonly cluster?: ContainerCluster;
  public readonly loadBalancer?: LoadBalancer;
  /** The web ACL of the ALB and the App Runner services, unless the config turns it off. */
  public readonly webAcl?: WebAcl;
  public readonly repositories: Readonly<Record<string, ContainerRepository>> = {};
  public readonly tasks: Readonly<Record<string, ContainerTask>> = {};
  public readonly services: Readonly<Record<string, FargateService>> = {};
  public readonly appRunnerServices: Readonly<Record<string, AppRunnerService>> = {};

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ComputeTierProps,
  ) {
    super(scope, id);
    const { env } = props;
    const ecs = env.services.filter((s) => s.kind === "ecs");
    if (ecs.length > 0 && env.cluster && env.edge.alb) {
      this.cluster = new ContainerCluster(this, "Cluster", { ...env.cluster, kmsKeyArn: props.dataKey.keyArn });
      // The default service is the listener's default action; the others sit behind listener rules.
      const main = ecs.find((s) => s.routing?.default) ?? ecs[0];
      const alb = this.createLoadBalancer(main, env.edge.alb);
      this.loadBalancer = alb;
      for (const s of ecs) {
        const target = s === main ? alb.defaultTarget : alb.addRoutedTarget(s.name, this.targetOf(s), this.ruleOf(s));
        this.createEcsService(s, this.cluster, alb, target);
      }
    }
    const runners = env.services.filter((s) => s.kind === "apprunner").map((s) => this.createAppRunnerService(s));
    const albProtected = this.loadBalancer && env.edge.waf?.protectsAlb;
    const entryPoints = [...(albProtected ? [this.loadBalancer!.loadBalancerArn] : []), ...runners.map((r) => r.serviceArn)];
    if (entryPoints.length > 0) this.webAcl = this.createWebAcl(entryPoints);
    if (env.services.length > 0) this.showData();
  }

  /** A service's target group: its port, health check and protocol. */
  private targetOf(s: ResolvedService): LoadBalancerTarget {
    return {
      name: s.resourceName,
      port: s.port,
      healthCheckPath: s.healthCheckPath,
      protocol: s.targetProtocol,
      deregistrationDelaySeconds: this.props.env.edge.alb!.deregistrationDelaySeconds,
    };
  }

  /** The listener rule of a service that is not the default: its priority, paths and hosts. */
  private ruleOf(s: ResolvedService) {
    const r = s.routing!;
    return { priority: r.priority, pathPatterns: r.pathPatterns, hostHeaders: r.hostHeaders };
  }

  /** Where a service's group sends traffic: the VPC endpoints, and the internet only with a reason. */
  private egressOf(s: ResolvedService): ServiceEgressProps {
    const { network } = this.props;
    return {
      endpointSecurityGroupId: network.endpointSecurityGroupId,
      s3PrefixListId: network.s3PrefixListId,
      internetHttpsReason: s.internetHttpsReason,
    };
  }

  /** The ALB in front of the ECS services; `main` is its default action's target. */
  private createLoadBalancer(main: ResolvedService, alb: ResolvedAlb): LoadBalancer {
    const { env, network, accessLogBucket } = this.props;
    const lb = new LoadBalancer(this, "LoadBalancer", {
      name: alb.name,
      vpcId: network.vpcId,
      publicSubnetIds: network.publicSubnetIds,
      certificateArn: alb.certificateArn ?? this.createAlbCertificate(alb),
      cloudFrontOnly: alb.cloudFrontOnly,
      sslPolicy: alb.sslPolicy,
      deletionProtection: alb.deletionProtection,
      defaultTarget: this.targetOf(main),
      accessLogs: {
        bucketName: alb.logBucketName,
        prefix: alb.logPrefix,
        delivery: alb.logDelivery,
        accountId: env.accountId,
        partition: env.partition,
        expirationDays: alb.logExpirationDays,
        noncurrentVersionExpirationDays: env.settings.storage.noncurrentVersionExpirationDays,
        serverAccessLogTarget: accessLogBucket,
      },
    });
    if (alb.domain?.zone) this.createAlbRecord(lb, alb.domain.name, alb.domain.zone);
    return lb;
  }

  /** A certificate for the ALB's host name, DNS-validated in its zone. */
  private createAlbCertificate(alb: ResolvedAlb): string {
    const domain = alb.domain;
    if (!domain?.zone) throw new Error(`ComputeTier: the ALB has no certificate ARN and no domain zone to validate one in.`);
    return new Certificate(this, "AlbCertificate", { domainName: domain.name, zoneId: this.props.hostedZones.zoneId(domain.zone) })
      .certificateArn;
  }

  /** `name` (A, alias) pointing at the ALB. */
  private createAlbRecord(lb: LoadBalancer, name: string, zone: string): void {
    new Route53Record(this, "AlbRecord", {
      zoneId: this.props.hostedZones.zoneId(zone),
      name,
      type: "A",
      alias: { name: lb.dnsName, zoneId: lb.zoneId, evaluateTargetHealth: true },
    });
  }

  /** The REGIONAL web ACL on the public entry points, its logs, and an alarm pair on blocked requests. */
  private createWebAcl(protectedArns: string[]): WebAcl | undefined {
    const { env } = this.props;
    const waf = env.edge.waf;
    if (!waf) return undefined;
    const acl = new WebAcl(this, "WebAcl", {
      name: waf.name,
      managedRuleGroups: waf.managedRuleGroups,
      rateLimitPer5Min: waf.rateLimitPer5Min,
      protectedArns,
      logs: {
        groupName: waf.logGroupName,
        retentionDays: waf.logRetentionDays,
        kmsKeyArn: this.props.dataKey.keyArn,
        redactedHeaders: waf.redactedHeaders,
      },
      accountId: env.accountId,
      region: env.region,
      partition: env.partition,
    });
    this.props.observability.addAlarmPair("WafBlocked", "Web ACL", {
      name: "waf-blocked",
      description:
        "the web ACL blocks many requests (per 5 minutes): an attack, or a rule blocking real clients (see the aws-waf-logs group).",
      metric: {
        namespace: "AWS/WAFV2",
        metricName: "BlockedRequests",
        statistic: "Sum",
        dimensions: { WebACL: waf.name, Region: env.region, Rule: "ALL" },
      },
      ...waf.blockedRequestsAlarm,
    });
    return acl;
  }

  private createEcsService(s: ResolvedService, cluster: ContainerCluster, alb: LoadBalancer, target: TargetHandle): void {
    const { env, observability } = this.props;
    const repository = this.createRepository(s);
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
      servesTls: s.targetProtocol === "HTTPS",
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
    if (task.taskRole) this.grant(s, task.taskRole);
    const rollbackAlarms = this.watch(s, cluster, alb, target);

    const service = new FargateService(this, `Service-${s.name}`, {
      ...s,
      name: s.resourceName,
      clusterArn: cluster.clusterArn,
      clusterName: cluster.clusterName,
      taskDefinitionArn: task.taskDefinitionArn,
      containerName: task.containerName,
      vpcId: this.props.network.vpcId,
      subnetIds: this.props.network.appSubnetIds,
      loadBalancerSecurityGroupId: alb.securityGroupId,
      target,
      egress: this.egressOf(s),
      healthCheckGraceSeconds: env.edge.alb!.healthCheckGraceSeconds,
      rollbackAlarmNames: s.rollbackOnAlarms ? rollbackAlarms : undefined,
    });
    alb.allowTo(service.securityGroupId, s.port, `Forward to ${s.name} tasks`);
    this.connectData(s, service, `${s.name} tasks`, task.executionRole);
    Object.assign(this.tasks, { [s.name]: task });
    Object.assign(this.services, { [s.name]: service });
  }

  /**
   * An App Runner service from its repository: the access role pulls it, the instance
   * role holds the secrets it injects and its grants, the VPC connector reaches the data.
   */
  private createAppRunnerService(s: ResolvedService): AppRunnerService {
    const { network } = this.props;
    const repository = this.createRepository(s);
    const { environment, secrets } = this.settingsOf(s);
    const g = s.grants;
    const hasSecrets = Object.keys(secrets).length > 0;
    const service = new AppRunnerService(this, `AppRunner-${s.name}`, {
      ...s,
      name: s.resourceName,
      image: `${repository.repositoryUrl}:${s.imageTag}`,
      environment,
      secrets,
      vpcId: network.vpcId,
      subnetIds: network.appSubnetIds,
      egress: this.egressOf(s),
      kmsKeyArn: this.props.dataKey.keyArn,
      instanceRole: hasSecrets || s.tracing || g.buckets.length > 0 || g.keys.length > 0 || g.database,
    });
    repository.grantPull(service.accessRole, { describeImages: true });
    const role = service.instanceRole;
    if (role) {
      for (const name of new Set(Object.values(s.secrets))) this.props.secrets[name].grantRead(role);
      this.grant(s, role);
    }
    this.connectData(s, service, `${s.name} App Runner`, role);
    Object.assign(this.appRunnerServices, { [s.name]: service });
    this.watchAppRunner(s, service);
    return service;
  }

  /** The service's ECR repository (`<app>-<env>-<service>`). */
  private createRepository(s: ResolvedService): ContainerRepository {
    const repository = new ContainerRepository(this, `Repository-${s.name}`, {
      repositoryName: s.resourceName,
      kmsKeyArn: this.props.dataKey.keyArn,
      ...s.repository,
    });
    Object.assign(this.repositories, { [s.name]: repository });
    return repository;
  }

  /**
   * Let the service through to the database and the cache it was granted, both ways;
   * `tokenReader` injects the cache's AUTH token.
   */
  private connectData(s: ResolvedService, client: DataClient, label: string, tokenReader?: ServiceRole): void {
    const db = this.relational;
    const cache = this.props.data.cache;
    if (s.grants.database && db) {
      db.allowFrom(client.securityGroupId, label);
      client.allowTo(db.securityGroupId, db.port, "Database");
    }
    if (s.grants.cache && cache) {
      cache.allowFrom(client.securityGroupId, label);
      client.allowTo(cache.securityGroupId, cache.port, "Cache");
      if (tokenReader) cache.grantReadAuthToken(tokenReader);
    }
  }

  /** The role gets exactly the service's grants: buckets, keys, database connect. */
  private grant(s: ResolvedService, role: ServiceRole): void {
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
        // USERNAME and SCHEMA are R3's names (its schema is named after the app, like the database).
        values: { NAME: env.database.databaseName, USER: s.databaseUser, USERNAME: s.databaseUser, SCHEMA: env.database.databaseName },
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

  /**
   * Warning/critical pairs: CPU, memory, target 5xx, error rate (5xx per request, %), p95
   * latency, unhealthy targets; running tasks below minCount (critical only); and the service's
   * dashboard section. Returns the critical alarms a release should roll back on: error rate,
   * p95 latency, unhealthy targets (CPU and memory are scaling's, running tasks the circuit breaker's).
   */
  private watch(s: ResolvedService, cluster: ContainerCluster, alb: LoadBalancer, target: TargetHandle): string[] {
    const a = s.alarms;
    const pair = this.alarmPair(s);
    const service = { ClusterName: cluster.clusterName, ServiceName: s.resourceName };
    const ecs = (metricName: string, namespace = "AWS/ECS") => ({ namespace, metricName, statistic: "Average", dimensions: service });
    const lb = (metricName: string, stat: { statistic?: string; extendedStatistic?: string }) => ({
      namespace: "AWS/ApplicationELB",
      metricName,
      ...stat,
      dimensions: { LoadBalancer: alb.arnSuffix, TargetGroup: target.arnSuffix },
    });
    const requests = lb("RequestCount", { statistic: "Sum" });
    const errors = lb("HTTPCode_Target_5XX_Count", { statistic: "Sum" });
    const cpu = ecs("CPUUtilization");
    const memory = ecs("MemoryUtilization");
    const latency = lb("TargetResponseTime", { extendedStatistic: "p95" });
    const running = ecs("RunningTaskCount", "ECS/ContainerInsights");
    pair("ServiceCpu", "cpu", "average CPU (%) of the tasks is high; scaling is at its maximum or cannot keep up.", cpu, a.cpuAlarmPercent);
    pair(
      "ServiceMemory",
      "memory",
      "average memory (%) of the tasks is high; tasks may be killed out of memory.",
      memory,
      a.memoryAlarmPercent,
    );
    pair("Service5xx", "5xx", "the tasks answer with 5xx errors (count per 5 minutes).", errors, a.http5xxAlarm);
    const errorRatePair = pair(
      "ServiceErrorRate",
      "error-rate",
      "5xx responses of the tasks as a percentage of requests (per 5 minutes) are high.",
      errorRate(errors, requests),
      a.errorRateAlarmPercent,
    );
    const latencyPair = pair(
      "ServiceLatency",
      "latency-p95",
      "p95 response time of the tasks (seconds) is high.",
      latency,
      a.latencyP95AlarmSeconds,
    );
    const unhealthyPair = pair(
      "ServiceUnhealthy",
      "unhealthy-targets",
      "tasks fail the ALB health check.",
      lb("UnHealthyHostCount", { statistic: "Maximum" }),
      a.unhealthyTargetsAlarm,
    );
    // Critical only: fewer tasks than the minimum for 5 minutes means tasks crash or cannot start
    // (image, secrets, endpoints); no data counts, since Container Insights reports 0 while tasks run.
    const { below, periodSeconds, evaluationPeriods } = a.runningTasks;
    pair(
      "ServiceRunningTasks",
      "running-tasks",
      `fewer running tasks than the minimum (${below}) for ${(periodSeconds * evaluationPeriods) / 60} minutes.`,
      { ...running, statistic: "Minimum" },
      { critical: below },
      { comparison: "LessThanThreshold", periodSeconds, evaluationPeriods, treatMissingData: "breaching" },
    );
    this.props.observability.dashboard.addSection(`Service ${s.name} (ECS)`, [
      { title: "Requests", metrics: [show(requests, "requests")] },
      {
        title: "5xx and error rate (%)",
        metrics: [show(errors, "5xx", "errors"), { ...show(requests, undefined, "requests"), visible: false }, ERROR_RATE_GRAPH],
      },
      { title: "Latency (s)", metrics: [show(latency, "p95"), show({ ...latency, extendedStatistic: "p50" }, "p50")] },
      { title: "CPU and memory (%)", metrics: [show(cpu, "CPU"), show(memory, "memory")] },
      {
        title: "Tasks",
        metrics: [
          show(running, "running"),
          show({ ...running, metricName: "DesiredTaskCount" }, "desired"),
          show(lb("HealthyHostCount", { statistic: "Minimum" }), "healthy targets"),
        ],
      },
    ]);
    // The last alarm of a pair is its critical one.
    return [errorRatePair, latencyPair, unhealthyPair].map((p) => p.alarmNames[p.alarmNames.length - 1]);
  }

  /**
   * Warning/critical pairs of an App Runner service: 5xx responses, error rate, p95 latency (milliseconds there);
   * its dashboard section.
   */
  private watchAppRunner(s: ResolvedService, service: AppRunnerService): void {
    const a = s.alarms;
    const pair = this.alarmPair(s);
    const dimensions = { ServiceName: service.serviceName, ServiceID: service.serviceId };
    const ms = (t: { warning: number; critical: number }) => ({ warning: t.warning * 1000, critical: t.critical * 1000 });
    const metric = (metricName: string, stat: { statistic?: string; extendedStatistic?: string }) => ({
      namespace: "AWS/AppRunner",
      metricName,
      ...stat,
      dimensions,
    });
    const errors = metric("5xxStatusResponses", { statistic: "Sum" });
    const requests = metric("Requests", { statistic: "Sum" });
    const latency = metric("RequestLatency", { extendedStatistic: "p95" });
    pair("Service5xx", "5xx", "the service answers with 5xx errors (count per 5 minutes).", errors, a.http5xxAlarm);
    pair(
      "ServiceErrorRate",
      "error-rate",
      "5xx responses of the service as a percentage of requests (per 5 minutes) are high.",
      errorRate(errors, requests),
      a.errorRateAlarmPercent,
    );
    pair(
      "ServiceLatency",
      "latency-p95",
      "p95 request latency of the service (milliseconds) is high.",
      latency,
      ms(a.latencyP95AlarmSeconds),
    );
    this.props.observability.dashboard.addSection(`Service ${s.name} (App Runner)`, [
      { title: "Requests", metrics: [show(requests, "requests")] },
      {
        title: "5xx and error rate (%)",
        metrics: [show(errors, "5xx", "errors"), { ...show(requests, "requests", "requests"), visible: false }, ERROR_RATE_GRAPH],
      },
      { title: "Latency (ms)", metrics: [show(latency, "p95"), show({ ...latency, extendedStatistic: "p50" }, "p50")] },
      {
        title: "CPU and memory (%)",
        metrics: [
          show(metric("CPUUtilization", { statistic: "Average" }), "CPU"),
          show(metric("MemoryUtilization", { statistic: "Average" }), "memory"),
        ],
      },
      { title: "Instances", metrics: [show(metric("ActiveInstances", { statistic: "Maximum" }), "active")] },
    ]);
  }

  /** The dashboard's database and cache sections, from the identifiers the data tier exposes. */
  private showData(): void {
    const { data, observability } = this.props;
    const graph = (title: string, namespace: string, metricName: string, stat: string, dims: Record<string, string>[]) => ({
      title,
      metrics: dims.map((dimensions) => ({ namespace, metricName, dimensions, stat, label: Object.values(dimensions).join(" ") })),
    });
    const db = data.database
      ? [{ DBInstanceIdentifier: data.database.instanceIdentifier }]
      : data.cluster
        ? [{ DBClusterIdentifier: data.cluster.clusterIdentifier }]
        : [];
    if (db.length > 0) {
      observability.dashboard.addSection("Database", [
        graph("CPU (%)", "AWS/RDS", "CPUUtilization", "Average", db),
        graph("Connections", "AWS/RDS", "DatabaseConnections", "Maximum", db),
        graph("Freeable memory (bytes)", "AWS/RDS", "FreeableMemory", "Minimum", db),
      ]);
    }
    if (data.cache) {
      const nodes = data.cache.memberClusterIds.map((id) => ({ CacheClusterId: id }));
      observability.dashboard.addSection("Cache", [
        graph("Memory used (%)", "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "Maximum", nodes),
        graph("Engine CPU (%)", "AWS/ElastiCache", "EngineCPUUtilization", "Average", nodes),
        graph("Connections", "AWS/ElastiCache", "CurrConnections", "Maximum", nodes),
      ]);
    }
  }

  /** Adds one warning/critical pair of service `s` to the alarm topic and the dashboard. */
  private alarmPair(s: ResolvedService) {
    const title = `Service ${s.name}`;
    return (
      id: string,
      name: string,
      description: string,
      metric: AlarmMetric | AlarmExpression,
      t: { warning?: number; critical: number },
      options: Pick<AlarmPairProps, "comparison" | "periodSeconds" | "evaluationPeriods" | "treatMissingData"> = {},
    ) =>
      this.props.observability.addAlarmPair(`${id}-${s.name}`, title, {
        name: `${s.name}-${name}`,
        description: `${s.name}: ${description}`,
        metric,
        ...t,
        ...options,
      });
  }
}

/**
 * 5xx responses as a percentage of requests: 0 when there were no requests (FILL turns a
 * period without data points into 0, IF keeps the division from dividing by zero).
 */
function errorRate(errors: AlarmMetric, requests: AlarmMetric): AlarmExpression {
  return { expression: ERROR_RATE, label: "5xx (% of requests)", metrics: { errors, requests } };
}

const ERROR_RATE = "IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / FILL(requests, 0), 0)";

/** An alarm's metric on a dashboard graph, with the same statistic. */
function show(m: AlarmMetric, label?: string, id?: string): DashboardMetric {
  return {
    namespace: m.namespace,
    metricName: m.metricName,
    dimensions: m.dimensions,
    stat: m.extendedStatistic ?? m.statistic ?? "Average",
    label,
    id,
  };
}

/** The same expression on a dashboard graph (its metrics carry the ids `errors` and `requests`). */
const ERROR_RATE_GRAPH = { expression: ERROR_RATE, label: "error rate (%)" };
