/**
 * The services and the edge of one environment: each service's sizes (preset, then the
 * spec's and the environment's `overrides.compute`, then the service's own `overrides`
 * and `environments.<env>`), its grants and names; the ALB's certificate, log bucket and
 * log delivery principal. Called by `resolve()`.
 */
import { elbLogDelivery, type ElbLogDelivery } from "./elb-log-delivery";
import { resourceName } from "./naming";
import { CDN_DEFAULTS, COMPUTE_DEFAULTS, WAF_DEFAULTS } from "./presets";
import { cdnWantsWebAcl, webAclRules, type ResolvedDomain } from "./resolve-edge";
import type { AppSpec, EnvironmentName, ServiceKind, ServiceSpec, Settings } from "./schema";

type Thresholds = { readonly warning: number; readonly critical: number };

/** One container service in one environment. */
export interface ResolvedService {
  readonly name: string;
  readonly kind: ServiceKind;
  /** Tag of the image Terraform deploys (CI pushes it, then changes the config). */
  readonly imageTag: string;
  readonly port: number;
  readonly healthCheckPath: string;
  /** Non-root `uid[:gid]` the container runs as. */
  readonly user: string;
  readonly cpu: number;
  readonly memoryMb: number;
  readonly desiredCount: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly cpuTargetPercent: number;
  readonly memoryTargetPercent: number;
  readonly environment: Readonly<Record<string, string>>;
  /** ECS: protocol from the ALB to the tasks (HTTPS: the container serves TLS). */
  readonly targetProtocol: "HTTP" | "HTTPS";
  /** ECS: what the ALB forwards to it; App Runner: undefined. */
  readonly routing?: ResolvedRouting;
  /**
   * Why its security group may send HTTPS to any address (through NAT): the config's reason,
   * and/or the interface endpoints this environment lacks. Undefined: it reaches only the
   * VPC endpoints, the database and the cache.
   */
  readonly internetHttpsReason?: string;
  /** Interface endpoints the service needs that this environment does not create. */
  readonly missingEndpoints: readonly string[];
  /** App Runner: traces to X-Ray. */
  readonly tracing: boolean;
  /** Variable name -> config secret name. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly grants: {
    readonly buckets: readonly { readonly name: string; readonly access: "read" | "write" | "readWrite" }[];
    readonly keys: readonly string[];
    readonly database: boolean;
    readonly cache: boolean;
  };
  /** Database user it connects as with IAM authentication (when granted the database). */
  readonly databaseUser: string;
  /** `<app>-<env>-<name>`: repository, service, family, role name base. */
  readonly resourceName: string;
  /** Log stream prefix in the app log group. */
  readonly logStreamPrefix: string;
  readonly repository: { readonly imagesKept: number; readonly untaggedImageDays: number };
  /** ECS: deployments roll back when the critical error-rate, latency or unhealthy-target alarm fires. */
  readonly rollbackOnAlarms: boolean;
  readonly alarms: {
    readonly cpuAlarmPercent: Thresholds;
    readonly memoryAlarmPercent: Thresholds;
    readonly http5xxAlarm: Thresholds;
    readonly latencyP95AlarmSeconds: Thresholds;
    readonly unhealthyTargetsAlarm: Thresholds;
    readonly errorRateAlarmPercent: Thresholds;
    /** ECS: critical when fewer than `below` (minCount) tasks run for evaluationPeriods x periodSeconds. */
    readonly runningTasks: { readonly below: number; readonly periodSeconds: number; readonly evaluationPeriods: number };
  };
}

/** An ECS service's place behind the ALB's HTTPS listener. */
export interface ResolvedRouting {
  /** Gets every request no rule matches (the listener's default action). */
  readonly default: boolean;
  readonly pathPatterns: readonly string[];
  readonly hostHeaders: readonly string[];
  /** Priority of its listener rule (none for the default service without patterns). */
  readonly priority: number;
}

/** The internet-facing ALB in front of the ECS services. */
export interface ResolvedAlb {
  readonly name: string;
  /** Existing certificate; undefined: one is DNS-validated for `domain` in its zone. */
  readonly certificateArn?: string;
  /** Its host name (CloudFront's origin), when the config gives one. */
  readonly domain?: ResolvedDomain;
  /**
   * CloudFront fronts it: ingress only from CloudFront's origin-facing prefix list, and the
   * listener forwards only requests carrying the secret origin header (generated).
   */
  readonly cloudFrontOnly?: {
    readonly prefixListName: string;
    readonly headerName: string;
    readonly secretLength: number;
    /** The distribution has the web ACL (the ALB's own would see only CloudFront's addresses). */
    readonly webAclOnDistribution: boolean;
  };
  readonly sslPolicy: string;
  readonly deletionProtection: boolean;
  readonly deregistrationDelaySeconds: number;
  readonly healthCheckGraceSeconds: number;
  /** SSE-S3 bucket of its access logs, `<app>-<env>-alb-logs-<account>`. */
  readonly logBucketName: string;
  readonly logPrefix: string;
  readonly logDelivery: ElbLogDelivery;
  /** Days access logs are kept (audit evidence). */
  readonly logExpirationDays: number;
}

/** The REGIONAL web ACL on the ALB and the App Runner services, and its logs. */
export interface ResolvedWaf {
  /** `<app>-<env>-waf`: the web ACL and its metric. */
  readonly name: string;
  /** AWS managed rule groups in priority order (the built-in ones, then the config's extras). */
  readonly managedRuleGroups: readonly string[];
  readonly rateLimitPer5Min: number;
  /** `aws-waf-logs-<app>-<env>`: WAF logs only to names with that prefix. */
  readonly logGroupName: string;
  readonly logRetentionDays: number;
  /** Headers redacted in the logs. */
  readonly redactedHeaders: readonly string[];
  /** Blocked requests per 5 minutes above which the warning and critical alarms fire. */
  readonly blockedRequestsAlarm: Thresholds;
  /** Whether the ALB is among its resources (not when CloudFront's own web ACL protects it). */
  readonly protectsAlb: boolean;
}

/** The ECS cluster the environment's ECS services share. */
export interface ResolvedCluster {
  readonly clusterName: string;
  /** Encrypted log group of ECS Exec sessions. */
  readonly execLogGroup: string;
  readonly logRetentionDays: number;
}

export function resolveCluster(spec: AppSpec, env: EnvironmentName, settings: Settings): ResolvedCluster | undefined {
  if (!(spec.services ?? []).some((s) => s.kind === "ecs")) return undefined;
  return {
    clusterName: resourceName(spec.app, env, "cluster"),
    execLogGroup: `/${spec.app}/${env}/ecs-exec`,
    logRetentionDays: settings.logs.auditRetentionDays,
  };
}

export function resolveServices(spec: AppSpec, env: EnvironmentName, settings: Settings): ResolvedService[] {
  const routing = resolveRouting(spec);
  return (spec.services ?? []).map((s, i) => {
    const { imageTag = s.imageTag, ...sizes } = { ...s.overrides, ...s.environments?.[env] };
    const c = { ...settings.compute, ...sizes };
    const g = s.grants ?? {};
    return {
      name: s.name,
      kind: s.kind,
      imageTag,
      port: s.port,
      healthCheckPath: s.healthCheckPath,
      user: s.user ?? COMPUTE_DEFAULTS.user,
      cpu: c.cpu,
      memoryMb: c.memoryMb,
      desiredCount: c.desiredCount,
      minCount: c.minCount,
      maxCount: c.maxCount,
      cpuTargetPercent: c.cpuTargetPercent,
      memoryTargetPercent: c.memoryTargetPercent,
      environment: { ...s.environment },
      targetProtocol: s.targetProtocol ?? COMPUTE_DEFAULTS.targetProtocol,
      routing: routing[i],
      ...egressOf(s, env, settings),
      tracing: s.tracing ?? false,
      secrets: { ...s.secrets },
      grants: { buckets: [...(g.buckets ?? [])], keys: [...(g.keys ?? [])], database: g.database ?? false, cache: g.cache ?? false },
      databaseUser: s.name.replace(/-/g, "_"),
      resourceName: resourceName(spec.app, env, s.name),
      logStreamPrefix: s.name,
      repository: { imagesKept: c.imagesKept, untaggedImageDays: c.untaggedImageDays },
      rollbackOnAlarms: c.rollbackOnAlarms,
      alarms: {
        cpuAlarmPercent: c.cpuAlarmPercent,
        memoryAlarmPercent: c.memoryAlarmPercent,
        http5xxAlarm: c.http5xxAlarm,
        latencyP95AlarmSeconds: c.latencyP95AlarmSeconds,
        unhealthyTargetsAlarm: c.unhealthyTargetsAlarm,
        errorRateAlarmPercent: c.errorRateAlarmPercent,
        runningTasks: { below: c.minCount, ...COMPUTE_DEFAULTS.runningTasksAlarm },
      },
    };
  });
}

/**
 * Routing of each ECS service, by index in `spec.services` (App Runner: undefined). The default
 * service is the one that says so, or the only ECS service; rule priorities are the config's
 * or 10, 20, ... by position among the services with patterns (`serviceProblems` checks them).
 */
export function resolveRouting(spec: AppSpec): (ResolvedRouting | undefined)[] {
  const services = spec.services ?? [];
  const ecsCount = services.filter((s) => s.kind === "ecs").length;
  let position = 0;
  return services.map((s) => {
    if (s.kind !== "ecs") return undefined;
    const r = s.routing ?? {};
    const pathPatterns = [...(r.pathPatterns ?? [])];
    const hostHeaders = [...(r.hostHeaders ?? [])];
    const routed = pathPatterns.length > 0 || hostHeaders.length > 0;
    if (routed) position++;
    return {
      default: r.default ?? (ecsCount === 1 && !routed),
      pathPatterns,
      hostHeaders,
      priority: r.priority ?? position * COMPUTE_DEFAULTS.routingPriorityStep,
    };
  });
}

/**
 * Whether the service's group may send HTTPS to any address: when the config opts in with a
 * reason, or when the environment lacks an interface endpoint the service needs (then AWS
 * APIs are reached through NAT; the reason names the missing endpoints).
 */
function egressOf(s: ServiceSpec, env: EnvironmentName, settings: Settings): { internetHttpsReason?: string; missingEndpoints: string[] } {
  const needed = new Set<string>(s.kind === "ecs" ? COMPUTE_DEFAULTS.ecsStartEndpoints : []);
  const g = s.grants ?? {};
  if (s.kind === "ecs" && (Object.keys(s.secrets ?? {}).length > 0 || g.cache)) needed.add("secretsmanager");
  if ((g.keys ?? []).length > 0) needed.add("kms");
  const have = new Set<string>(settings.network.interfaceEndpoints);
  const missingEndpoints = [...needed].filter((e) => !have.has(e));
  const reasons = [
    ...(s.egress ? [s.egress.reason] : []),
    ...(missingEndpoints.length > 0
      ? [
          `${env} has no interface endpoint for ${missingEndpoints.join(", ")} (settings.network.interfaceEndpoints): ` +
            "the service reaches those AWS APIs over HTTPS through NAT",
        ]
      : []),
  ];
  return { internetHttpsReason: reasons.length > 0 ? reasons.join("; ") : undefined, missingEndpoints };
}

/** The ALB, when an ECS service needs one; its certificate is checked by `serviceProblems`. */
export function resolveAlb(
  spec: AppSpec,
  env: EnvironmentName,
  settings: Settings,
  region: string,
  accountId: string,
): ResolvedAlb | undefined {
  if (!(spec.services ?? []).some((s) => s.kind === "ecs")) return undefined;
  const domain = spec.edge?.alb?.domains?.[env];
  const certificateArn = domain?.certificateArn ?? spec.edge?.alb?.certificateArns?.[env];
  if (!certificateArn && !domain?.zone)
    throw new Error(`resolve: ${env} has ECS services but no certificate source for the ALB (validateSpec reports this).`);
  const cdn = spec.edge?.cdn;
  return {
    name: resourceName(spec.app, env, "alb"),
    certificateArn,
    domain: domain ? { ...domain } : undefined,
    cloudFrontOnly: cdn?.alb
      ? {
          prefixListName: CDN_DEFAULTS.originFacingPrefixList,
          headerName: CDN_DEFAULTS.originHeaderName,
          secretLength: CDN_DEFAULTS.originSecretLength,
          webAclOnDistribution: cdnWantsWebAcl(spec),
        }
      : undefined,
    sslPolicy: COMPUTE_DEFAULTS.sslPolicy,
    deletionProtection: settings.protection.preventDestroy,
    deregistrationDelaySeconds: COMPUTE_DEFAULTS.deregistrationDelaySeconds,
    healthCheckGraceSeconds: COMPUTE_DEFAULTS.healthCheckGraceSeconds,
    logBucketName: `${resourceName(spec.app, env, "alb-logs")}-${accountId}`,
    logPrefix: COMPUTE_DEFAULTS.albLogPrefix,
    logDelivery: elbLogDelivery(region),
    logExpirationDays: settings.storage.accessLogExpirationDays,
  };
}

/**
 * The web ACL of the ALB and the App Runner services (both public), unless the config
 * turns it off (`edge.waf.enabled: false`).
 */
export function resolveWaf(spec: AppSpec, env: EnvironmentName, settings: Settings, alb: ResolvedAlb | undefined): ResolvedWaf | undefined {
  const waf = spec.edge?.waf ?? {};
  const apprunner = (spec.services ?? []).some((s) => s.kind === "apprunner");
  // Behind CloudFront with its own web ACL, the ALB sees only CloudFront's addresses: the distribution's ACL protects it.
  const protectsAlb = alb !== undefined && !alb.cloudFrontOnly?.webAclOnDistribution;
  if ((!protectsAlb && !apprunner) || waf.enabled === false) return undefined;
  return {
    name: resourceName(spec.app, env, "waf"),
    logGroupName: `aws-waf-logs-${spec.app}-${env}`,
    ...webAclRules(spec, settings),
    blockedRequestsAlarm: { ...WAF_DEFAULTS.blockedRequestsAlarm },
    protectsAlb,
  };
}
