/**
 * Every default of the project, in one place. `resolve()` merges a spec over these; no
 * construct or stack defaults anything itself.
 */
import type { EnvironmentName, Settings } from "./schema";

/** Defaults of the spec-wide fields. */
export const SPEC_DEFAULTS = {
  compliance: [] as string[],
  tags: {} as Record<string, string>,
  buckets: [] as { name: string }[],
} as const;

/** Defaults of the state backend. Templates take {app}, {env}, {account}, {region}. */
export const STATE_DEFAULTS = {
  locking: "dynamodb",
  bucketName: "{app}-{env}-tfstate-{account}",
  lockTableName: "{app}-{env}-tflock",
  key: "{app}/{env}/terraform.tfstate",
  bootstrapKey: "{app}/{env}/bootstrap.tfstate",
  bootstrapBackend: "local",
  /** The state key waits the maximum before deletion in every environment: losing it loses the state. */
  kmsDeletionWindowDays: 30,
  /** Local state file of a bootstrap stack before migration, relative to its stack dir. */
  bootstrapLocalStatePath: "../../../terraform-state/{app}-{env}-bootstrap.tfstate",
} as const;

/** Value of the ManagedBy tag. */
export const MANAGED_BY = "cdktf";

/**
 * dev: cheap and disposable, but logs still meet CKV_AWS_338 (>= 365 days).
 * staging: like prod, minus delete protection, so it can be rebuilt.
 * prod: everything stateful protected; audit evidence kept 7 years (HIPAA 6 y + margin).
 */
export const PRESETS: Record<EnvironmentName, Settings> = {
  dev: {
    protection: { preventDestroy: false },
    kms: { deletionWindowDays: 7 },
    logs: { retentionDays: 365, auditRetentionDays: 365 },
    storage: { noncurrentVersionExpirationDays: 30, accessLogExpirationDays: 365 },
  },
  staging: {
    protection: { preventDestroy: false },
    kms: { deletionWindowDays: 14 },
    logs: { retentionDays: 365, auditRetentionDays: 731 },
    storage: { noncurrentVersionExpirationDays: 90, accessLogExpirationDays: 731 },
  },
  prod: {
    protection: { preventDestroy: true },
    kms: { deletionWindowDays: 30 },
    logs: { retentionDays: 365, auditRetentionDays: 2557 },
    storage: { noncurrentVersionExpirationDays: 365, accessLogExpirationDays: 2557 },
  },
};
