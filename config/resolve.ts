/**
 * resolve(spec, env): merge the spec over the environment's preset into a frozen
 * ResolvedEnvironment, the only thing stacks and constructs read.
 */
import { cidrSubnet } from "./cidr";
import { fillTemplate, PLATFORM_KEY_PURPOSES as KEY, resourceName, resourcePrefix, type PlatformTagKey } from "./naming";
import { classMemoryGib, findMajor, offersPerformanceInsights, upgradeTarget } from "./database-engines";
import { findCacheMajor } from "./cache-engines";
import { CACHE_DEFAULTS, DATABASE_DEFAULTS, MANAGED_BY, PRESETS, SPEC_DEFAULTS, STATE_DEFAULTS } from "./presets";
import { partitionOf } from "./regions";
import { resolveDelivery, type ResolvedDelivery } from "./resolve-delivery";
import {
  resolveAlb,
  resolveCluster,
  resolveServices,
  resolveWaf,
  type ResolvedAlb,
  type ResolvedCluster,
  type ResolvedService,
  type ResolvedWaf,
} from "./resolve-services";

export type { ResolvedAlb, ResolvedCluster, ResolvedService, ResolvedWaf } from "./resolve-services";
export type { ResolvedDelivery, ResolvedGitHubRole } from "./resolve-delivery";
import {
  resolveCdn,
  resolveHostedZones,
  resolveResidencyExceptions,
  type ResolvedCdn,
  type ResolvedHostedZone,
  type ResolvedResidencyException,
} from "./resolve-edge";
export type { ResolvedCdn, ResolvedDomain, ResolvedHostedZone, ResolvedResidencyException } from "./resolve-edge";
import {
  ENVIRONMENTS,
  type AppSpec,
  type CacheEngine,
  type DatabaseEngine,
  type EnvironmentName,
  type LockingMode,
  type Settings,
  type SettingsOverrides,
} from "./schema";

/** Where an environment's Terraform state lives and how it is locked. */
export interface ResolvedState {
  readonly locking: LockingMode;
  readonly bucketName: string;
  /** Bucket receiving the state bucket's server access logs. */
  readonly logBucketName: string;
  /** Lock table; undefined when locking is "s3" only. */
  readonly lockTableName?: string;
  /** State key of the app stack. */
  readonly key: string;
  /** State key of the bootstrap stack once migrated to S3. */
  readonly bootstrapKey: string;
  readonly accountId: string;
  readonly region: string;
  /**
   * Role the S3 backend and the bootstrap stack's provider assume: `state.roleArn`, else
   * the environment's `deployRoleArn` when state lives in the environment's own account
   * (so the role that deploys is the one that reads state), else none (caller's credentials).
   */
  readonly roleArn?: string;
  /**
   * IAM roles that run Terraform, the only principals (with the break-glass role) that may
   * read or write state objects and use the state key. Empty: nothing restricts them.
   */
  readonly principalArns: readonly string[];
  /** Emergency role admitted besides `principalArns`; it alone restricts nothing. */
  readonly breakGlassRoleArn?: string;
  readonly bootstrapBackend: "local" | "s3";
  /** Local state path of the bootstrap stack before migration, relative to its stack dir. */
  readonly bootstrapLocalStatePath: string;
  /** Alias of the key that encrypts the state bucket and lock table. */
  readonly kmsAlias: string;
  /** Deletion window of that key. */
  readonly kmsDeletionWindowDays: number;
  /** Protect the bootstrap stack's stateful resources from destroy and replacement. */
  readonly preventDestroy: boolean;
}

/** A config suppression that applies to this environment. */
export interface ResolvedSuppression {
  readonly id: string;
  readonly reason: string;
  readonly stack: "app" | "bootstrap";
  /** Construct path inside the stack. */
  readonly path: string;
  /** Where it was written in the config. */
  readonly source: string;
}

/** A data bucket with its final AWS name and options. */
export interface ResolvedBucket {
  readonly name: string;
  readonly bucketName: string;
  readonly glacierAfterDays?: number;
  readonly objectLock?: { readonly mode: "GOVERNANCE" | "COMPLIANCE"; readonly days: number };
  /** Replica in the DR region, when this environment replicates the bucket. */
  readonly replica?: { readonly region: string; readonly bucketName: string };
  /** Object-level reads and writes recorded by CloudTrail. */
  readonly cloudTrailDataEvents: boolean;
}

/** The network with its subnet CIDRs per tier, one per AZ. */
export interface ResolvedNetwork {
  readonly vpcCidr: string;
  readonly azCount: number;
  readonly natGateways: "single" | "perAz";
  readonly interfaceEndpoints: readonly string[];
  readonly subnets: { readonly public: readonly string[]; readonly app: readonly string[]; readonly data: readonly string[] };
  /** Availability zone IDs, one per AZ; absent when the zones are not pinned. */
  readonly zoneIds?: readonly string[];
}

/** A generated value: length and character set. */
export interface GeneratedValue {
  readonly length: number;
  readonly special: boolean;
  readonly specialCharacters?: string;
}

export interface ResolvedSecret {
  readonly name: string;
  /** Secrets Manager name, `<app>/<env>/<name>`. */
  readonly secretName: string;
  readonly description?: string;
  readonly generate?: GeneratedValue;
  readonly keys?: Readonly<Record<string, GeneratedValue | "external">>;
  readonly rotation?: { readonly lambdaArn: string; readonly days: number };
}

type DatabaseAlarms = "cpuAlarmPercent" | "freeStorageAlarmGb" | "connectionsAlarm" | "replicaLagAlarmSeconds";

/** An Aurora cluster's instances and its daily AWS Backup job. */
export interface ResolvedAurora {
  readonly instanceClass: string;
  /** `<app>-<env>-db-<n>`: the writer (n = 1) and settings.database.auroraReaders readers. */
  readonly instanceIdentifiers: readonly string[];
  /** Cron expression (UTC) of the daily AWS Backup job; its copies follow `backupReplication`. */
  readonly backupSchedule: string;
  /**
   * Vault Lock of the backup vaults (settings.database.backupVaultLockMode): GOVERNANCE has
   * no `changeableForDays`; COMPLIANCE becomes permanent that many days after it is applied.
   */
  readonly vaultLock: { readonly mode: "GOVERNANCE" | "COMPLIANCE"; readonly changeableForDays?: number };
}

/**
 * The relational database: the spec's engine and name, the environment's sizes and care.
 * An RDS instance (postgres, mysql), or an Aurora cluster (`aurora` set; the RDS sizes
 * instanceClass, storage and multiAz do not apply to it).
 */
export interface ResolvedDatabase extends Omit<
  Settings["database"],
  | DatabaseAlarms
  | "freeableMemoryAlarmPercent"
  | "readReplicas"
  | "auroraInstanceClass"
  | "auroraReaders"
  | "osMetricsLogGroup"
  | "backupVaultLockMode"
> {
  readonly engine: DatabaseEngine;
  /** The pinned major version (`16`, `8.4`). */
  readonly majorVersion: string;
  /** Last day of RDS standard support of that major (engine table). */
  readonly endOfStandardSupport: string;
  /** The major to upgrade to, when this one is past standard support on the table's date. */
  readonly upgradeTo?: string;
  readonly engineLifecycleSupport: string;
  /** DB instance identifier, `<app>-<env>-db`. */
  readonly identifier: string;
  readonly databaseName: string;
  readonly masterUsername: string;
  readonly monitoringIntervalSeconds: number;
  /** Performance Insights on (with the data key) where the engine offers it on the class. */
  readonly performanceInsights: boolean;
  readonly performanceInsightsRetentionDays: number;
  /** Take a final snapshot on delete: follows protection.preventDestroy. */
  readonly finalSnapshot: boolean;
  /** Retention of the exported engine logs (connections, DDL, errors, audit): the audit retention. */
  readonly logRetentionDays: number;
  readonly alarms: Pick<Settings["database"], DatabaseAlarms> & {
    /**
     * FreeableMemory thresholds in bytes: settings.database.freeableMemoryAlarmPercent of the
     * memory of the class (the instance's, or the Aurora writer's; engine table).
     */
    readonly freeableMemoryAlarmBytes: { readonly warning: number; readonly critical: number };
  };
  /**
   * Create the account's RDSOSMetrics log group, where enhanced monitoring writes, so RDS
   * does not create it unencrypted and kept forever (settings.database.osMetricsLogGroup).
   * @default - another environment or app of the account and region owns it
   */
  readonly osMetricsLogGroup?: { readonly retentionDays: number };
  /** Identifiers of the in-region read replicas, `<app>-<env>-db-replica-<n>` (settings.database.readReplicas). */
  readonly replicaIdentifiers: readonly string[];
  /**
   * The master password: RDS-managed (none), or, where replicas are asked for, generated into
   * this secret (AWS allows no replica of a source whose password Secrets Manager manages).
   */
  readonly generatedPassword?: { readonly secretName: string; readonly length: number; readonly recoveryWindowDays: number };
  /**
   * Backups copied to the DR region (database.replicateIn), kept as long as the primary's:
   * RDS automated backup replication, or an Aurora cluster's AWS Backup copies.
   */
  readonly backupReplication?: { readonly region: string; readonly retentionDays: number };
  /** Aurora PostgreSQL (engine aurora-postgresql): the cluster's instances and backup job. */
  readonly aurora?: ResolvedAurora;
}

type CacheAlarms = "memoryAlarmPercent" | "evictionsAlarm" | "replicationLagAlarmSeconds";

/** The cache: the spec's engine and version, the environment's sizes and care. */
export interface ResolvedCache extends Omit<Settings["cache"], CacheAlarms> {
  readonly engine: CacheEngine;
  /** The pinned major (`7`) and the `engine_version` the table gives it (`7.1`). */
  readonly majorVersion: string;
  readonly engineVersion: string;
  /** Replication group id, `<app>-<env>-cache`. */
  readonly replicationGroupId: string;
  readonly port: number;
  /** Automatic failover to a replica: on with two nodes or more. */
  readonly automaticFailover: boolean;
  /** Take a final snapshot on delete: follows protection.preventDestroy. */
  readonly finalSnapshot: boolean;
  /** Retention of the slow and engine logs: the application log retention. */
  readonly logRetentionDays: number;
  /** Secrets Manager name of the generated AUTH token, `<app>/<env>/cache-auth-token`. */
  readonly authSecretName: string;
  readonly authToken: GeneratedValue;
  readonly alarms: Pick<Settings["cache"], CacheAlarms>;
}

export interface ResolvedEnvironment {
  readonly app: string;
  readonly env: EnvironmentName;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly allowedRegions: readonly string[];
  readonly drRegion?: string;
  readonly deployRoleArn?: string;
  readonly dataClassification: string;
  readonly compliance: readonly string[];
  /** The provider's default_tags: Application, Environment, ManagedBy, DataClassification, Compliance + user tags. */
  readonly tags: Readonly<Record<string, string>>;
  readonly state: ResolvedState;
  readonly settings: Settings;
  readonly network: ResolvedNetwork;
  readonly buckets: readonly ResolvedBucket[];
  readonly secrets: readonly ResolvedSecret[];
  /** The relational database, when the spec has one. */
  readonly database?: ResolvedDatabase;
  /** The cache, when the spec has one. */
  readonly cache?: ResolvedCache;
  /** Container services, each with its sizes in this environment. */
  readonly services: readonly ResolvedService[];
  /** The ECS cluster, when there is an ECS service. */
  readonly cluster?: ResolvedCluster;
  /** What fronts the services: the ALB when there is an ECS service, and its web ACL. */
  readonly edge: {
    readonly alb?: ResolvedAlb;
    readonly waf?: ResolvedWaf;
    /** CloudFront, when the config has it. */
    readonly cdn?: ResolvedCdn;
    /** Route 53 zones the edge's domains name. */
    readonly hostedZones: readonly ResolvedHostedZone[];
  };
  /** Resources the config lets live outside allowedRegions (README, Edge). */
  readonly residencyExceptions: readonly ResolvedResidencyException[];
  /** Allowed regions outside the EEA under GDPR, each with the transfer's legal basis. */
  readonly residencyAcknowledgements: readonly { readonly region: string; readonly reason: string }[];
  /** Extra customer-managed keys. */
  readonly keys: readonly { readonly purpose: string; readonly alias: string; readonly description: string }[];
  readonly alarmEmails: readonly string[];
  readonly logMetricAlarms: readonly {
    readonly name: string;
    readonly pattern: string;
    readonly warning: number;
    readonly critical: number;
    readonly periodSeconds: number;
  }[];
  readonly suppressions: readonly ResolvedSuppression[];
  /** Thresholds of the alarm on failed replication operations of each replicating bucket. */
  readonly replicationFailureAlarm: { readonly warning: number; readonly critical: number; readonly periodSeconds: number };
  /**
   * Security events mailed to the alarm topic. A part is on where its switch is and this
   * stack creates its source (detector, Config rules, trail); where the organization runs
   * the source, it alerts there.
   */
  readonly securityAlerts: {
    /** GuardDuty findings at or above this severity; undefined: none. */
    readonly guardDutyMinSeverity?: number;
    /** NON_COMPLIANT changes of this environment's AWS Config rules. */
    readonly configCompliance: boolean;
    /** CIS metric filters and alarms on the trail's log group. */
    readonly cisMetricFilters: boolean;
    /** Name prefix (`<app>-<env>-`) of the EventBridge rules that publish to the alarm topic; undefined when none does. */
    readonly eventRulePrefix?: string;
  };
  /** GitHub delivery: the OIDC provider, plan and deploy roles (config `delivery.github`); undefined without it. */
  readonly delivery?: ResolvedDelivery;
  /** AWS names of the app stack's shared parts. */
  readonly names: {
    /** Bucket that receives the app's S3 server access logs. */
    readonly accessLogBucket: string;
    /** Access-log bucket in the DR region (for replicas). */
    readonly drAccessLogBucket: string;
    /** Bucket for CloudTrail deliveries (and AWS Config deliveries made before they moved), under Object Lock. */
    readonly auditBucket: string;
    /** Bucket for AWS Config deliveries: Config cannot deliver to a bucket with Object Lock default retention. */
    readonly configBucket: string;
    /** Alias of the environment's data key. */
    readonly dataKeyAlias: string;
    /** Alias of the key for audit evidence: trail, its log group, audit bucket, Config deliveries. */
    readonly auditKeyAlias: string;
    /** Alias of the key for replicas in the DR region. */
    readonly drKeyAlias: string;
    /** Prefix of every resource name: `<app>-<env>`. */
    readonly prefix: string;
    /** Namespace of the app's custom CloudWatch metrics: `<app>/<env>`. */
    readonly metricNamespace: string;
    /** Log group of the application's containers. */
    readonly appLogGroup: string;
  };
  readonly stackNames: { readonly bootstrap: string; readonly app: string };
}

/** The environments a spec declares, in dev, staging, prod order. */
export function declaredEnvironments(spec: AppSpec): EnvironmentName[] {
  return ENVIRONMENTS.filter((e) => spec.environments[e] !== undefined);
}

export function resolve(spec: AppSpec, env: EnvironmentName): ResolvedEnvironment {
  const envSpec = spec.environments[env];
  if (!envSpec) {
    throw new Error(`resolve: environment "${env}" is not declared in the spec (declared: ${declaredEnvironments(spec).join(", ")}).`);
  }
  const region = envSpec.region ?? spec.primaryRegion;
  const name = (component: string) => resourceName(spec.app, env, component);
  const accountScoped = (component: string) => `${name(component)}-${envSpec.accountId}`;
  const stateSpec = { ...spec.state, ...envSpec.state };
  const stateAccount = stateSpec.accountId ?? envSpec.accountId;
  const stateRegion = stateSpec.region ?? region;
  const stateRole = stateSpec.roleArn ?? (stateAccount === envSpec.accountId ? envSpec.deployRoleArn : undefined);
  const fill = (template: string) => fillTemplate(template, { app: spec.app, env, account: stateAccount, region: stateRegion });
  const locking: LockingMode = stateSpec.locking ?? STATE_DEFAULTS.locking;
  const bucketName = fill(stateSpec.bucketName ?? STATE_DEFAULTS.bucketName);
  const compliance = spec.compliance ?? SPEC_DEFAULTS.compliance;
  const settings = settingsFor(spec, env);
  const sensitive = SPEC_DEFAULTS.dataEventClassifications.includes(spec.dataClassification);
  const delivery = resolveDelivery(spec, env);
  // The CI roles run Terraform: they are always state principals, whatever else is listed.
  const ciRoles = delivery ? [delivery.plan.roleArn, delivery.deploy.roleArn] : [];

  const resolved: ResolvedEnvironment = {
    app: spec.app,
    env,
    accountId: envSpec.accountId,
    region,
    partition: partitionOf(region),
    allowedRegions: [...spec.allowedRegions],
    drRegion: spec.drRegion,
    deployRoleArn: envSpec.deployRoleArn,
    dataClassification: spec.dataClassification,
    compliance: [...compliance],
    tags: {
      ...(spec.tags ?? SPEC_DEFAULTS.tags),
      ...envSpec.tags,
      // Exactly PLATFORM_TAG_KEYS (naming.ts), which a config may not set: the type holds the two together.
      ...({
        Application: spec.app,
        Environment: env,
        ManagedBy: MANAGED_BY,
        DataClassification: spec.dataClassification,
        Compliance: compliance.length > 0 ? compliance.map((c) => c.toUpperCase()).join("+") : "none",
      } satisfies Record<PlatformTagKey, string>),
    },
    state: {
      locking,
      bucketName,
      logBucketName: `${bucketName}-logs`,
      lockTableName: locking === "s3" ? undefined : fill(stateSpec.lockTableName ?? STATE_DEFAULTS.lockTableName),
      key: fill(stateSpec.key ?? STATE_DEFAULTS.key),
      bootstrapKey: fill(STATE_DEFAULTS.bootstrapKey),
      accountId: stateAccount,
      region: stateRegion,
      roleArn: stateRole,
      principalArns: unique([...(stateSpec.principalArns ?? [envSpec.deployRoleArn, stateRole]), ...ciRoles]),
      breakGlassRoleArn: stateSpec.breakGlassRoleArn,
      bootstrapBackend: stateSpec.bootstrapBackend ?? STATE_DEFAULTS.bootstrapBackend,
      bootstrapLocalStatePath: fill(STATE_DEFAULTS.bootstrapLocalStatePath),
      kmsAlias: `alias/${name(KEY.tfstate)}`,
      kmsDeletionWindowDays: STATE_DEFAULTS.kmsDeletionWindowDays,
      preventDestroy: STATE_DEFAULTS.preventDestroy,
    },
    settings,
    network: resolveNetwork(settings.network),
    buckets: (spec.buckets ?? []).map((b) => ({
      name: b.name,
      bucketName: accountScoped(b.name),
      glacierAfterDays: b.glacierAfterDays,
      objectLock: b.objectLock,
      replica:
        spec.drRegion && b.replicateIn?.includes(env)
          ? { region: spec.drRegion, bucketName: `${accountScoped(b.name)}-replica` }
          : undefined,
      cloudTrailDataEvents: b.cloudTrailDataEvents ?? sensitive,
    })),
    secrets: (spec.secrets ?? []).map((s) => ({
      name: s.name,
      secretName: `${spec.app}/${env}/${s.name}`,
      description: s.description,
      generate: s.generate ? generated(s.generate) : undefined,
      keys: s.keys
        ? Object.fromEntries(
            Object.entries(s.keys).map(([k, v]): [string, "external" | ReturnType<typeof generated>] => [
              k,
              typeof v === "string" ? "external" : generated(v),
            ]),
          )
        : undefined,
      rotation: s.rotation,
    })),
    database: spec.database ? resolveDatabase(spec, env, settings) : undefined,
    cache: spec.cache ? resolveCache(spec.cache, settings, name("cache"), `${spec.app}/${env}`) : undefined,
    services: resolveServices(spec, env, settings),
    cluster: resolveCluster(spec, env, settings),
    edge: edgeOf(spec, env, settings, region, envSpec.accountId),
    residencyExceptions: resolveResidencyExceptions(spec),
    residencyAcknowledgements: (spec.residencyAcknowledgements ?? []).map(({ region, reason }) => ({ region, reason })),
    keys: (spec.keys ?? []).map((k) => ({ purpose: k.purpose, alias: `alias/${name(k.purpose)}`, description: k.description })),
    alarmEmails: [...(spec.alarmEmails ?? [])],
    logMetricAlarms: (spec.logMetricAlarms ?? []).map((a) => ({
      ...a,
      periodSeconds: a.periodSeconds ?? SPEC_DEFAULTS.logMetricAlarmPeriodSeconds,
    })),
    suppressions: (spec.guardrails?.suppressions ?? [])
      .map((x, i) => ({ ...x, source: `config guardrails.suppressions[${i}]` }))
      .filter((x) => !x.environments || x.environments.includes(env))
      .map((x) => ({ id: x.rule, reason: x.reason, stack: x.stack ?? "app", path: x.path, source: x.source })),
    replicationFailureAlarm: { ...SPEC_DEFAULTS.replicationFailureAlarm },
    securityAlerts: securityAlerts(settings, resourcePrefix(spec.app, env)),
    ...(delivery ? { delivery } : {}),
    names: {
      accessLogBucket: accountScoped("access-logs"),
      drAccessLogBucket: accountScoped("dr-access-logs"),
      auditBucket: accountScoped("audit"),
      configBucket: accountScoped("audit-config"),
      dataKeyAlias: `alias/${name(KEY.data)}`,
      auditKeyAlias: `alias/${name(KEY.audit)}`,
      drKeyAlias: `alias/${name(KEY.dr)}`,
      prefix: resourcePrefix(spec.app, env),
      metricNamespace: `${spec.app}/${env}`,
      appLogGroup: `/${spec.app}/${env}/app`,
    },
    stackNames: {
      bootstrap: name("bootstrap"),
      app: name("app"),
    },
  };
  return deepFreeze(resolved);
}

function resolveDatabase(spec: AppSpec, env: EnvironmentName, settings: Settings): ResolvedDatabase {
  const db = spec.database!;
  const app = spec.app;
  const identifier = resourceName(app, env, "db");
  const major = findMajor(db.engine, db.version);
  if (!major) throw new Error(`resolve: ${db.engine} has no major version "${db.version}" (validateSpec reports this).`);
  const {
    cpuAlarmPercent,
    freeStorageAlarmGb,
    connectionsAlarm,
    replicaLagAlarmSeconds,
    freeableMemoryAlarmPercent,
    auroraInstanceClass,
    auroraReaders,
    osMetricsLogGroup,
    backupVaultLockMode,
    readReplicas: rdsReplicas,
    ...sizes
  } = settings.database;
  const replicated = spec.drRegion !== undefined && (db.replicateIn ?? []).includes(env);
  const aurora: ResolvedAurora | undefined =
    db.engine === "aurora-postgresql"
      ? {
          instanceClass: auroraInstanceClass,
          instanceIdentifiers: Array.from({ length: 1 + auroraReaders }, (_, i) => `${identifier}-${i + 1}`),
          backupSchedule: DATABASE_DEFAULTS.auroraBackupSchedule,
          vaultLock:
            backupVaultLockMode === "COMPLIANCE"
              ? { mode: "COMPLIANCE", changeableForDays: DATABASE_DEFAULTS.backupVaultLockChangeableForDays }
              : { mode: "GOVERNANCE" },
        }
      : undefined;
  const memory = classMemoryGib(aurora?.instanceClass ?? sizes.instanceClass) * 1024 ** 3;
  const share = (percent: number) => Math.round((memory * percent) / 100);
  // Aurora's readers are cluster instances, not RDS read replicas.
  const readReplicas = aurora ? 0 : rdsReplicas;
  return {
    ...sizes,
    engine: db.engine,
    majorVersion: major.major,
    endOfStandardSupport: major.endOfStandardSupport,
    upgradeTo: upgradeTarget(db.engine, major),
    engineLifecycleSupport: DATABASE_DEFAULTS.engineLifecycleSupport,
    identifier,
    databaseName: db.name ?? app.replace(/-/g, "_"),
    masterUsername: DATABASE_DEFAULTS.masterUsername,
    monitoringIntervalSeconds: DATABASE_DEFAULTS.monitoringIntervalSeconds,
    performanceInsights: offersPerformanceInsights(db.engine, aurora?.instanceClass ?? sizes.instanceClass),
    performanceInsightsRetentionDays: DATABASE_DEFAULTS.performanceInsightsRetentionDays,
    finalSnapshot: settings.protection.preventDestroy,
    logRetentionDays: settings.logs.auditRetentionDays,
    alarms: {
      cpuAlarmPercent,
      freeStorageAlarmGb,
      connectionsAlarm,
      replicaLagAlarmSeconds,
      freeableMemoryAlarmBytes: {
        warning: share(freeableMemoryAlarmPercent.warning),
        critical: share(freeableMemoryAlarmPercent.critical),
      },
    },
    ...(osMetricsLogGroup ? { osMetricsLogGroup: { retentionDays: settings.logs.retentionDays } } : {}),
    replicaIdentifiers: Array.from({ length: readReplicas }, (_, i) => `${identifier}-replica-${i + 1}`),
    ...(readReplicas > 0
      ? {
          generatedPassword: {
            secretName: `${app}/${env}/${DATABASE_DEFAULTS.generatedSecretName}`,
            length: DATABASE_DEFAULTS.generatedPasswordLength,
            recoveryWindowDays: settings.secrets.recoveryWindowDays,
          },
        }
      : {}),
    ...(replicated ? { backupReplication: { region: spec.drRegion!, retentionDays: sizes.backupRetentionDays } } : {}),
    ...(aurora ? { aurora } : {}),
  };
}

/** Which security alerts the environment raises: see `ResolvedEnvironment.securityAlerts`. */
function securityAlerts({ alerts, audit }: Settings, prefix: string): ResolvedEnvironment["securityAlerts"] {
  const guardDuty = alerts.guardDutyFindings && audit.guardDuty;
  const configCompliance = alerts.configCompliance && audit.awsConfig;
  return {
    ...(guardDuty ? { guardDutyMinSeverity: alerts.guardDutyMinSeverity } : {}),
    configCompliance,
    cisMetricFilters: alerts.cisMetricFilters && audit.cloudTrail,
    ...(guardDuty || configCompliance ? { eventRulePrefix: `${prefix}-` } : {}),
  };
}

function resolveCache(cache: NonNullable<AppSpec["cache"]>, settings: Settings, id: string, secretPrefix: string): ResolvedCache {
  const major = findCacheMajor(cache.engine, cache.version);
  if (!major) throw new Error(`resolve: ${cache.engine} has no major version "${cache.version}" (validateSpec reports this).`);
  const { memoryAlarmPercent, evictionsAlarm, replicationLagAlarmSeconds, ...sizes } = settings.cache;
  return {
    ...sizes,
    engine: cache.engine,
    majorVersion: major.major,
    engineVersion: major.engineVersion,
    replicationGroupId: id,
    port: CACHE_DEFAULTS.port,
    automaticFailover: sizes.nodeCount >= 2,
    finalSnapshot: settings.protection.preventDestroy,
    logRetentionDays: settings.logs.retentionDays,
    authSecretName: `${secretPrefix}/${CACHE_DEFAULTS.authSecretName}`,
    authToken: generated(CACHE_DEFAULTS.authToken),
    alarms: { memoryAlarmPercent, evictionsAlarm, replicationLagAlarmSeconds },
  };
}

/** A generated value: punctuation only when asked for (values end up in URLs and shells). */
const generated = (g: { length: number; special?: boolean; specialCharacters?: string }) => ({
  length: g.length,
  special: g.special ?? false,
  ...(g.specialCharacters ? { specialCharacters: g.specialCharacters } : {}),
});

/** The defined values, each once, in order. */
const unique = (values: readonly (string | undefined)[]): string[] => [...new Set(values.filter((v): v is string => v !== undefined))];

/** Subnet CIDRs per tier: as configured, or carved from the VPC CIDR. */
export function resolveNetwork(n: Settings["network"]): ResolvedNetwork {
  const carve = (tier: keyof typeof SPEC_DEFAULTS.subnetTierOffsets) =>
    Array.from({ length: n.azCount }, (_, i) =>
      cidrSubnet(n.vpcCidr, SPEC_DEFAULTS.subnetNewBits, SPEC_DEFAULTS.subnetTierOffsets[tier] + i),
    );
  return {
    vpcCidr: n.vpcCidr,
    azCount: n.azCount,
    natGateways: n.natGateways,
    interfaceEndpoints: [...n.interfaceEndpoints],
    subnets: n.subnetCidrs
      ? { public: [...n.subnetCidrs.public], app: [...n.subnetCidrs.app], data: [...n.subnetCidrs.data] }
      : { public: carve("public"), app: carve("app"), data: carve("data") },
    ...(n.zoneIds ? { zoneIds: [...n.zoneIds] } : {}),
  };
}

/** The environment's settings: its preset, then the spec's overrides, then its own. */
export function settingsFor(spec: AppSpec, env: EnvironmentName): Settings {
  return mergeSettings(PRESETS[env], spec.overrides, spec.environments[env]?.overrides);
}

/** Deep-merge overrides into the preset: objects merge key by key, anything else replaces. */
function mergeSettings(preset: Settings, ...overrides: (SettingsOverrides | undefined)[]): Settings {
  return overrides.reduce<unknown>((acc, o) => deepMerge(acc, o ?? {}), preset) as Settings;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function edgeOf(spec: AppSpec, env: EnvironmentName, settings: Settings, region: string, accountId: string): ResolvedEnvironment["edge"] {
  const alb = resolveAlb(spec, env, settings, region, accountId);
  return {
    alb,
    waf: resolveWaf(spec, env, settings, alb),
    cdn: resolveCdn(spec, env, settings, accountId),
    hostedZones: resolveHostedZones(spec, env),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
