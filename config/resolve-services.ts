/**
 * The services and the edge of one environment: each service's sizes (preset, then the
 * spec's and the environment's `overrides.compute`, then the service's own `overrides`
 * and `environments.<env>`), its grants and names; the ALB's certificate, log bucket and
 * log delivery principal. Called by `resolve()`.
 */
import { elbLogDelivery, type ElbLogDelivery } from "./elb-log-delivery";
import { resourceName } from "./naming";
import { CDN_DEFAULTS, COMPUTE_DEFAULTS, WAF_DEFAULTS } from "./presets";
import { cdnWantsWebAcl, type ResolvedDomain } from "./resolve-edge";
import type { AppSpec, EnvironmentName, ServiceKind, Settings } from "./schema";

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
  readonly alarms: {
    readonly cpuAlarmPercent: Thresholds;
    readonly memoryAlarmPercent: Thresholds;
    readonly http5xxAlarm: Thresholds;
    readonly latencyP95AlarmSeconds: Thresholds;
    readonly unhealthyTargetsAlarm: Thresholds;
  };
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
  return (spec.services ?? []).map((s) => {
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
      tracing: s.tracing ?? false,
      secrets: { ...s.secrets },
      grants: { buckets: [...(g.buckets ?? [])], keys: [...(g.keys ?? [])], database: g.database ?? false, cache: g.cache ?? false },
      databaseUser: s.name.replace(/-/g, "_"),
      resourceName: resourceName(spec.app, env, s.name),
      logStreamPrefix: s.name,
      repository: { imagesKept: c.imagesKept, untaggedImageDays: c.untaggedImageDays },
      alarms: {
        cpuAlarmPercent: c.cpuAlarmPercent,
        memoryAlarmPercent: c.memoryAlarmPercent,
        http5xxAlarm: c.http5xxAlarm,
        latencyP95AlarmSeconds: c.latencyP95AlarmSeconds,
        unhealthyTargetsAlarm: c.unhealthyTargetsAlarm,
      },
    };
  });
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
  const groups = [...WAF_DEFAULTS.managedRuleGroups, ...(waf.extraManagedRuleGroups ?? [])];
  return {
    name: resourceName(spec.app, env, "waf"),
    managedRuleGroups: [...new Set(groups)],
    rateLimitPer5Min: waf.rateLimitPer5Min ?? WAF_DEFAULTS.rateLimitPer5Min,
    logGroupName: `aws-waf-logs-${spec.app}-${env}`,
    logRetentionDays: settings.logs.retentionDays,
    redactedHeaders: [...WAF_DEFAULTS.redactedHeaders],
    blockedRequestsAlarm: { ...WAF_DEFAULTS.blockedRequestsAlarm },
    protectsAlb,
  };
}
