/**
 * resolve(spec, env): merge the spec over the environment's preset into a frozen
 * ResolvedEnvironment, the only thing stacks and constructs read.
 */
import { fillTemplate, resourceName } from "./naming";
import { MANAGED_BY, PRESETS, SPEC_DEFAULTS, STATE_DEFAULTS } from "./presets";
import { partitionOf } from "./regions";
import { ENVIRONMENTS, type AppSpec, type EnvironmentName, type Settings, type SettingsOverrides } from "./schema";

export type LockingMode = "dynamodb" | "s3" | "both";

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
  readonly roleArn?: string;
  readonly bootstrapBackend: "local" | "s3";
  /** Local state path of the bootstrap stack before migration, relative to its stack dir. */
  readonly bootstrapLocalStatePath: string;
  /** Alias of the key that encrypts the state bucket and lock table. */
  readonly kmsAlias: string;
  /** Deletion window of that key. */
  readonly kmsDeletionWindowDays: number;
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

/** A data bucket with its final AWS name. */
export interface ResolvedBucket {
  readonly name: string;
  readonly bucketName: string;
}

export interface ResolvedEnvironment {
  readonly app: string;
  readonly env: EnvironmentName;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly allowedRegions: readonly string[];
  readonly deployRoleArn?: string;
  readonly dataClassification: string;
  readonly compliance: readonly string[];
  /** The provider's default_tags: Application, Environment, ManagedBy, DataClassification, Compliance + user tags. */
  readonly tags: Readonly<Record<string, string>>;
  readonly state: ResolvedState;
  readonly settings: Settings;
  readonly buckets: readonly ResolvedBucket[];
  readonly suppressions: readonly ResolvedSuppression[];
  /** AWS names of the app stack's shared parts. */
  readonly names: {
    /** Bucket that receives the app's S3 server access logs. */
    readonly accessLogBucket: string;
    /** Alias of the environment's data key. */
    readonly dataKeyAlias: string;
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
  const stateSpec = { ...spec.state, ...envSpec.state };
  const stateAccount = stateSpec.accountId ?? envSpec.accountId;
  const stateRegion = stateSpec.region ?? region;
  const fill = (template: string) =>
    fillTemplate(template, { app: spec.app, env, account: stateAccount, region: stateRegion });
  const locking: LockingMode = stateSpec.locking ?? STATE_DEFAULTS.locking;
  const bucketName = fill(stateSpec.bucketName ?? STATE_DEFAULTS.bucketName);
  const compliance = spec.compliance ?? SPEC_DEFAULTS.compliance;

  const resolved: ResolvedEnvironment = {
    app: spec.app,
    env,
    accountId: envSpec.accountId,
    region,
    partition: partitionOf(region),
    allowedRegions: [...spec.allowedRegions],
    deployRoleArn: envSpec.deployRoleArn,
    dataClassification: spec.dataClassification,
    compliance: [...compliance],
    tags: {
      ...(spec.tags ?? SPEC_DEFAULTS.tags),
      ...envSpec.tags,
      Application: spec.app,
      Environment: env,
      ManagedBy: MANAGED_BY,
      DataClassification: spec.dataClassification,
      Compliance: compliance.length > 0 ? compliance.map((c) => c.toUpperCase()).join("+") : "none",
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
      roleArn: stateSpec.roleArn,
      bootstrapBackend: stateSpec.bootstrapBackend ?? STATE_DEFAULTS.bootstrapBackend,
      bootstrapLocalStatePath: fill(STATE_DEFAULTS.bootstrapLocalStatePath),
      kmsAlias: `alias/${resourceName(spec.app, env, "tfstate")}`,
      kmsDeletionWindowDays: STATE_DEFAULTS.kmsDeletionWindowDays,
    },
    settings: mergeSettings(PRESETS[env], envSpec.overrides),
    buckets: (spec.buckets ?? SPEC_DEFAULTS.buckets).map((b) => ({
      name: b.name,
      bucketName: `${resourceName(spec.app, env, b.name)}-${envSpec.accountId}`,
    })),
    suppressions: (spec.guardrails?.suppressions ?? [])
      .map((x, i) => ({ ...x, source: `config guardrails.suppressions[${i}]` }))
      .filter((x) => !x.environments || x.environments.includes(env))
      .map((x) => ({ id: x.rule, reason: x.reason, stack: x.stack ?? "app", path: x.path, source: x.source })),
    names: {
      accessLogBucket: `${resourceName(spec.app, env, "access-logs")}-${envSpec.accountId}`,
      dataKeyAlias: `alias/${resourceName(spec.app, env, "data")}`,
    },
    stackNames: {
      bootstrap: resourceName(spec.app, env, "bootstrap"),
      app: resourceName(spec.app, env, "app"),
    },
  };
  return deepFreeze(resolved);
}

/** Deep-merge overrides into the preset: objects merge key by key, anything else replaces. */
function mergeSettings(preset: Settings, overrides: SettingsOverrides | undefined): Settings {
  return deepMerge(preset, overrides ?? {}) as Settings;
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
