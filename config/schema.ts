/**
 * The AppSpec: the only source of config types. TypeScript types, runtime validation and
 * the generated JSON Schema (`app-spec.schema.json`) all come from these declarations.
 *
 * No defaults here: every default lives in `presets.ts` and is applied by `resolve()`.
 */
import { z } from "zod";
import { AWS_REGIONS } from "./regions";

export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
/** The environments a stack can be built for. */
export const EnvironmentName = z.enum(ENVIRONMENTS);
export type EnvironmentName = z.infer<typeof EnvironmentName>;

export const Region = z.enum(AWS_REGIONS);

/** App name: the first part of every AWS name, so it has to fit the strictest of them. */
export const AppName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, "must be lowercase letters, digits and hyphens, start with a letter and not end with a hyphen")
  .min(2)
  .max(20)
  .refine((s) => !s.includes("--"), "must not contain '--'")
  .describe("App name, 2-20 chars: used in every AWS name as <app>-<env>-<component>.");

/** A component name inside the app (a bucket, later a service): lowercase, short. */
export const ComponentName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, "must be lowercase letters, digits and hyphens, start with a letter and not end with a hyphen")
  .min(2)
  .max(20);

export const AccountId = z
  .string({ error: "must be a 12-digit AWS account id written as a string (in quotes)" })
  .regex(/^\d{12}$/, "must be a 12-digit AWS account id written as a string (in quotes)");

export const RoleArn = z
  .string()
  .regex(/^arn:aws(-us-gov)?:iam::\d{12}:role\/[\w+=,.@\/-]{1,64}$/, "must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>");

/** AWS tag keys/values: letters, digits, spaces and _ . : / = + - @. */
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const TagKey = z
  .string()
  .min(1)
  .max(128)
  .regex(TAG_CHARS, "may hold only letters, digits, spaces and _ . : / = + - @")
  .refine((k) => !k.toLowerCase().startsWith("aws:"), "must not start with 'aws:' (reserved by AWS)");
export const TagValue = z.string().max(256).regex(TAG_CHARS, "may hold only letters, digits, spaces and _ . : / = + - @");
export const Tags = z.record(TagKey, TagValue).describe("Extra tags applied to every resource via the provider's default_tags.");

export const DataClassification = z
  .enum(["public", "internal", "confidential", "pii", "phi"])
  .describe("Most sensitive class of data the app holds; tagged on every resource.");
export const ComplianceFramework = z.enum(["hipaa", "gdpr"]);

/** How Terraform locks the state. */
export const LockingMode = z
  .enum(["dynamodb", "s3", "both"])
  .describe("dynamodb: lock table (default). s3: S3 native lockfile (use_lockfile, Terraform >= 1.10). both: during a migration.");

/** Name templates may use {app}, {env}, {account} and {region}. */
const NameTemplate = z.string().min(3).max(200).regex(/^[a-zA-Z0-9{}._\/-]+$/, "may hold letters, digits, . _ - / and the placeholders {app} {env} {account} {region}");

/** Where and how Terraform state is kept. Spec-wide values, overridable per environment. */
export const StateSpec = z
  .strictObject({
    locking: LockingMode.optional(),
    bucketName: NameTemplate.optional().describe("State bucket name template. @default {app}-{env}-tfstate-{account}"),
    lockTableName: NameTemplate.optional().describe("Lock table name template. @default {app}-{env}-tflock"),
    key: NameTemplate.optional().describe("State object key of the app stack. @default {app}/{env}/terraform.tfstate"),
    accountId: AccountId.optional().describe("Account that holds the state bucket. @default the environment's account"),
    region: Region.optional().describe("Region of the state bucket. @default the environment's region"),
    roleArn: RoleArn.optional().describe("Role the S3 backend (and the bootstrap stack's provider) assumes to reach the state account."),
    bootstrapBackend: z
      .enum(["local", "s3"])
      .optional()
      .describe("Where the bootstrap stack keeps its own state: local (first apply) or s3 (after `terraform init -migrate-state`)."),
  })
  .describe("Terraform state backend settings.");

/** Log retention values CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
const LogRetentionDays = z
  .number()
  .int()
  .refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), {
    message: `must be one of CloudWatch's retention values: ${LOG_RETENTION_DAYS.join(", ")}`,
  });

/**
 * Per-environment settings. `presets.ts` gives a full value per environment; a config
 * overrides any part of it under `environments.<env>.overrides`.
 */
export const SettingsSchema = z.strictObject({
  protection: z.strictObject({
    preventDestroy: z.boolean().describe("Terraform prevent_destroy and AWS deletion protection on stateful resources."),
  }),
  kms: z.strictObject({
    deletionWindowDays: z.number().int().min(7).max(30).describe("Waiting period before a scheduled key deletion."),
  }),
  logs: z.strictObject({
    retentionDays: LogRetentionDays.describe("Application and infrastructure log retention."),
    auditRetentionDays: LogRetentionDays.describe("Audit log retention (CloudTrail, access logs)."),
  }),
  storage: z.strictObject({
    noncurrentVersionExpirationDays: z.number().int().min(1).max(3650).describe("Days a replaced object version is kept."),
    accessLogExpirationDays: z.number().int().min(1).max(3650).describe("Days S3 server access logs are kept."),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Any part of the settings, for per-environment overrides. */
export const SettingsOverrides = z.strictObject({
  protection: SettingsSchema.shape.protection.partial().optional(),
  kms: SettingsSchema.shape.kms.partial().optional(),
  logs: SettingsSchema.shape.logs.partial().optional(),
  storage: SettingsSchema.shape.storage.partial().optional(),
});
export type SettingsOverrides = z.infer<typeof SettingsOverrides>;

export const EnvironmentSpec = z.strictObject({
  accountId: AccountId.describe("AWS account this environment deploys to; the provider refuses any other."),
  region: Region.optional().describe("Region of this environment. @default primaryRegion"),
  deployRoleArn: RoleArn.optional().describe("Role the AWS provider assumes to deploy this environment."),
  state: StateSpec.optional(),
  tags: Tags.optional(),
  overrides: SettingsOverrides.optional().describe("Changes to this environment's preset."),
});
export type EnvironmentSpec = z.infer<typeof EnvironmentSpec>;

/** A data bucket the app stores objects in (hardened: CMK, versioning, TLS-only, logged). */
export const BucketSpec = z.strictObject({
  name: ComponentName.describe("Component name; the bucket is <app>-<env>-<name>-<account>."),
});

/** A justified exception to one guardrail rule on one construct (and what is below it). */
export const SuppressionSpec = z.strictObject({
  rule: z.string().describe("Rule id: Checkov (CKV_AWS_18) or Trivy (AWS-0089) form."),
  stack: z.enum(["app", "bootstrap"]).optional().describe("Stack the construct is in. @default app"),
  path: z.string().min(1).describe("Construct path inside the stack, e.g. AccessLogBucket or DataBucket-documents/Bucket."),
  environments: z.array(EnvironmentName).optional().describe("Environments it applies to. @default all"),
  reason: z.string().describe("Why the finding is acceptable: a reviewer reads this (10+ characters)."),
});

export const AppSpecSchema = z
  .strictObject({
    $schema: z.string().optional(),
    app: AppName,
    primaryRegion: Region.describe("Region every environment deploys to unless it sets its own."),
    allowedRegions: z.array(Region).min(1).describe("Data residency: every resource's region must be one of these."),
    dataClassification: DataClassification,
    compliance: z.array(ComplianceFramework).optional().describe("Frameworks the app is audited against; tagged as Compliance."),
    tags: Tags.optional(),
    state: StateSpec.optional(),
    buckets: z.array(BucketSpec).optional().describe("Data buckets of the app."),
    guardrails: z
      .strictObject({ suppressions: z.array(SuppressionSpec).optional() })
      .optional()
      .describe("Exceptions to the Checkov/Trivy guardrails, each with its justification."),
    environments: z
      .strictObject({
        dev: EnvironmentSpec.optional(),
        staging: EnvironmentSpec.optional(),
        prod: EnvironmentSpec.optional(),
      })
      .describe("The environments to build; at least one."),
  })
  .describe("One app's infrastructure: see README 'Configuration'.");

export type AppSpec = z.infer<typeof AppSpecSchema>;
