/**
 * The AppSpec: the only source of config types. TypeScript types, runtime validation and
 * the generated JSON Schema (`app-spec.schema.json`) all come from these declarations.
 *
 * No defaults here: every default lives in `presets.ts` and is applied by `resolve()`.
 */
import { z } from "zod";
import { CDN_DEFAULTS, COMPUTE_DEFAULTS, GITHUB_DEFAULTS, SPEC_DEFAULTS, STATE_DEFAULTS, WAF_DEFAULTS } from "./presets";
import { AWS_REGIONS } from "./regions";

export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
/** The environments a stack can be built for. */
export const EnvironmentName = z.enum(ENVIRONMENTS);
export type EnvironmentName = z.infer<typeof EnvironmentName>;

export const Region = z.enum(AWS_REGIONS);

/**
 * Lowercase letters, digits and hyphens, a letter first and no hyphen last. A single letter
 * matches: that a name is too short is the length rule's to say, not this one's.
 */
const LOWERCASE_NAME = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
const LOWERCASE_NAME_MESSAGE = "must be lowercase letters, digits and hyphens, start with a letter and not end with a hyphen";

/** App name: the first part of every AWS name, so it has to fit the strictest of them. */
export const AppName = z
  .string()
  .regex(LOWERCASE_NAME, LOWERCASE_NAME_MESSAGE)
  .min(2)
  .max(20)
  .refine((s) => !s.includes("--"), "must not contain '--'")
  .describe("App name, 2-20 chars: used in every AWS name as <app>-<env>-<component>.");

/** A component name inside the app (a bucket, later a service): lowercase, short. */
export const ComponentName = z.string().regex(LOWERCASE_NAME, LOWERCASE_NAME_MESSAGE).min(2).max(20);

export const AccountId = z
  .string({ error: "must be a 12-digit AWS account id written as a string (in quotes)" })
  .regex(/^\d{12}$/, 'must be exactly 12 digits, e.g. "123456789012"');

/**
 * An IAM role's ARN: an optional path (up to 512 characters, as IAM allows: IAM Identity
 * Center's roles live under `aws-reserved/sso.amazonaws.com/`), then a name of 1-64 characters.
 * Stricter than IAM on purpose: a path takes the name's characters and `/` only, none of the
 * punctuation IAM also allows there: these ARNs go into `ArnNotLike` conditions, where `*` and
 * `?` would admit every role they match.
 */
export const RoleArn = z
  .string()
  .regex(
    /^arn:aws(-us-gov)?:iam::\d{12}:role\/(?:[\w+=,.@\/-]{1,510}\/)?[\w+=,.@-]{1,64}$/,
    "must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<path/><name>, the name at most 64 characters",
  );

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
export type LockingMode = z.infer<typeof LockingMode>;
export const LockingMode = z
  .enum(["dynamodb", "s3", "both"])
  .describe("dynamodb: lock table (default). s3: S3 native lockfile (use_lockfile, Terraform >= 1.10). both: during a migration.");

/** Name templates may use {app}, {env}, {account} and {region}. */
const NameTemplate = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-zA-Z0-9{}._\/-]+$/, "may hold letters, digits, . _ - / and the placeholders {app} {env} {account} {region}");

/** Where and how Terraform state is kept. Spec-wide values, overridable per environment. */
export const StateSpec = z
  .strictObject({
    locking: LockingMode.optional(),
    bucketName: NameTemplate.optional().describe(`State bucket name template. @default ${STATE_DEFAULTS.bucketName}`),
    lockTableName: NameTemplate.optional().describe(`Lock table name template. @default ${STATE_DEFAULTS.lockTableName}`),
    key: NameTemplate.optional().describe(`State object key of the app stack. @default ${STATE_DEFAULTS.key}`),
    accountId: AccountId.optional().describe("Account that holds the state bucket. @default the environment's account"),
    region: Region.optional().describe("Region of the state bucket. @default the environment's region"),
    roleArn: RoleArn.optional().describe("Role the S3 backend (and the bootstrap stack's provider) assumes to reach the state account."),
    principalArns: z
      .array(RoleArn)
      .min(1)
      .optional()
      .describe(
        "IAM roles that run Terraform: only they may read or write state objects and use the state key. " +
          "@default the environment's deployRoleArn and state.roleArn, where set",
      ),
    breakGlassRoleArn: RoleArn.optional().describe("Emergency role also admitted to state objects and the state key. @default none"),
    bootstrapBackend: z
      .enum(["local", "s3"])
      .optional()
      .describe("Where the bootstrap stack keeps its own state: local (first apply) or s3 (after `terraform init -migrate-state`)."),
  })
  .describe("Terraform state backend settings.");

/** Log retention values CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
const LogRetentionDays = z
  .number()
  .int()
  .refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), {
    message: `must be one of CloudWatch's retention values: ${LOG_RETENTION_DAYS.join(", ")}`,
  });

const CidrBlock = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "must be an IPv4 CIDR block such as 10.0.0.0/16");

/**
 * An availability zone ID (`use1-az1`, `euc1-az2`): the same physical zone in every account,
 * unlike zone names. Local and Wavelength Zone IDs (`use1-bos1-az1`) do not match.
 */
export const ZoneId = z
  .string()
  .regex(/^[a-z]{2,4}\d-az\d+$/, "must be an availability zone ID such as use1-az1 (not a zone name such as us-east-1a)");

/** VPC interface endpoints the network can create, so private tasks reach AWS APIs without NAT. */
export const InterfaceEndpoint = z.enum(["ecr.api", "ecr.dkr", "secretsmanager", "logs", "kms"]);

/** Relational database engines: RDS for PostgreSQL, RDS for MySQL, Aurora PostgreSQL (a cluster). */
export const DatabaseEngine = z.enum(["postgres", "mysql", "aurora-postgresql"]);
export type DatabaseEngine = z.infer<typeof DatabaseEngine>;

/** Cache engines of an ElastiCache replication group. */
export const CacheEngine = z.enum(["redis", "valkey"]);
export type CacheEngine = z.infer<typeof CacheEngine>;

/** A warning and a critical threshold of one alarm pair. */
const AlarmThresholds = z.strictObject({ warning: z.number().min(0), critical: z.number().min(0) });

const HHMM = "([01]\\d|2[0-3]):[0-5]\\d";
const DAY = "(mon|tue|wed|thu|fri|sat|sun)";
/** A daily UTC window such as 03:00-04:00. */
const DailyWindow = (example: string) => z.string().regex(new RegExp(`^${HHMM}-${HHMM}$`), `must be hh:mm-hh:mm in UTC, e.g. ${example}`);
/** A weekly UTC window such as sun:04:30-sun:05:30. */
const WeeklyWindow = (example: string) =>
  z.string().regex(new RegExp(`^${DAY}:${HHMM}-${DAY}:${HHMM}$`), `must be ddd:hh:mm-ddd:hh:mm in UTC, e.g. ${example}`);

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
  network: z.strictObject({
    vpcCidr: CidrBlock.describe("VPC CIDR, /16 to /24."),
    azCount: z.number().int().min(2).max(3).describe("Availability zones the subnets span (2 or 3)."),
    natGateways: z.enum(["single", "perAz"]).describe("One NAT gateway (cheap) or one per AZ (no cross-AZ dependency)."),
    interfaceEndpoints: z.array(InterfaceEndpoint).describe("Interface endpoints so private subnets reach AWS APIs without NAT."),
    subnetCidrs: z
      .strictObject({ public: z.array(CidrBlock), app: z.array(CidrBlock), data: z.array(CidrBlock) })
      .optional()
      .describe(
        "Subnet CIDRs per tier, one per AZ. @default carved from vpcCidr: " +
          `public ${SPEC_DEFAULTS.subnetTierOffsets.public}.., app ${SPEC_DEFAULTS.subnetTierOffsets.app}.., ` +
          `data ${SPEC_DEFAULTS.subnetTierOffsets.data}.. (${SPEC_DEFAULTS.subnetNewBits} more prefix bits)`,
      ),
    zoneIds: z
      .array(ZoneId)
      .optional()
      .describe(
        'Availability zone IDs the subnets use, one per AZ, e.g. ["use1-az1", "use1-az2"]. ' +
          "Decide before the first apply: changing a subnet's zone replaces it. " +
          "@default not pinned: the region's first azCount zones that need no opt-in",
      ),
  }),
  secrets: z.strictObject({
    recoveryWindowDays: z.number().int().min(7).max(30).describe("Days a deleted secret can still be restored."),
  }),
  audit: z.strictObject({
    cloudTrail: z.boolean().describe("Create a multi-region CloudTrail trail (off if the organization already runs one)."),
    guardDuty: z.boolean().describe("Create a GuardDuty detector (off if the account already has one)."),
    awsConfig: z.boolean().describe("Create an AWS Config recorder, delivery channel and HIPAA-relevant managed rules."),
    objectLockMode: z
      .enum(["GOVERNANCE", "COMPLIANCE"])
      .describe(
        "Object Lock mode of the audit bucket, retention logs.auditRetentionDays. COMPLIANCE: no one, root included, can delete a " +
          "version before then.",
      ),
    readerArns: z
      .array(RoleArn)
      .describe(
        "IAM roles of this environment's account that may decrypt audit evidence (trail logs, Config deliveries) with the audit key.",
      ),
  }),
  database: z
    .strictObject({
      instanceClass: z
        .string()
        .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "must be an RDS instance class such as db.t4g.medium")
        .describe("RDS instance class (postgres, mysql); must be one the engine offers (README, Database)."),
      allocatedStorageGb: z.number().int().min(20).max(65536).describe("gp3 storage allocated at creation, GiB (gp3 starts at 20)."),
      maxAllocatedStorageGb: z.number().int().min(20).max(65536).describe("Storage autoscaling ceiling, GiB; at least allocatedStorageGb."),
      multiAz: z.boolean().describe("A synchronous standby in a second AZ, with automatic failover."),
      backupRetentionDays: z.number().int().min(7).max(35).describe("Days automated backups (point-in-time recovery) are kept, 7-35."),
      backupWindow: DailyWindow("03:00-04:00").describe("Daily backup window, UTC; must not overlap the maintenance window."),
      maintenanceWindow: WeeklyWindow("sun:04:30-sun:05:30").describe(
        "Weekly maintenance window, UTC (minor version upgrades happen here).",
      ),
      cpuAlarmPercent: AlarmThresholds.describe("CPUUtilization above which the warning and critical alarms fire."),
      freeStorageAlarmGb: AlarmThresholds.describe("FreeStorageSpace (GiB) below which the warning and critical alarms fire."),
      connectionsAlarm: AlarmThresholds.describe("DatabaseConnections above which the warning and critical alarms fire."),
      readReplicas: z
        .number()
        .int()
        .min(0)
        .max(5)
        .describe(
          "Read replicas in the primary region, 0-5. Any replica turns the RDS-managed master password into a generated one " +
            "(README, Database).",
        ),
      replicaLagAlarmSeconds: AlarmThresholds.describe(
        "ReplicaLag (seconds) of each read replica above which the warning and critical alarms fire.",
      ),
      auroraInstanceClass: z
        .string()
        .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "must be an Aurora instance class such as db.r7g.large")
        .describe("Class of every Aurora instance (aurora-postgresql), writer and readers; one Aurora offers (README, Aurora PostgreSQL)."),
      auroraReaders: z
        .number()
        .int()
        .min(0)
        .max(15)
        .describe("Aurora readers besides the writer, 0-15, each a failover target; multiAz needs at least one."),
      freeableMemoryAlarmPercent: z
        .strictObject({ warning: z.number().gt(0).max(100), critical: z.number().gt(0).max(100) })
        .describe(
          "FreeableMemory below which the warning and critical alarms fire, in percent of the instance class's memory " +
            "(instanceClass, or auroraInstanceClass for the Aurora writer; README, Database).",
        ),
      osMetricsLogGroup: z
        .boolean()
        .describe(
          "Create the account's RDSOSMetrics log group (enhanced monitoring), encrypted and kept logs.retentionDays. One per " +
            "account and region: false where another environment or app in it already creates the group.",
        ),
      backupVaultLockMode: z
        .enum(["GOVERNANCE", "COMPLIANCE"])
        .describe(
          "Vault Lock of the Aurora cluster's AWS Backup vaults. GOVERNANCE: a role with backup:DeleteBackupVaultLockConfiguration " +
            "can lift it. COMPLIANCE: after a grace period no one, root and AWS included, can lift it or delete a recovery point " +
            "early (README, Aurora PostgreSQL).",
        ),
    })
    .describe("Size and care of the relational database (used when the config has a database)."),
  alerts: z
    .strictObject({
      guardDutyFindings: z
        .boolean()
        .describe("Mail GuardDuty findings of this environment's detectors (audit.guardDuty) to the alarm topic."),
      guardDutyMinSeverity: z
        .number()
        .min(1)
        .max(10)
        .describe("Lowest GuardDuty severity mailed: 1-3.9 low, 4-6.9 medium, 7-8.9 high, 9-10 critical."),
      configCompliance: z
        .boolean()
        .describe("Mail each resource that turns NON_COMPLIANT with this environment's AWS Config rules (audit.awsConfig)."),
      cisMetricFilters: z
        .boolean()
        .describe(
          "CIS metric filters on the trail's log group (audit.cloudTrail), each alarming to the alarm topic: " +
            "root use, denied calls, console sign-in without MFA, IAM, trail, Config, KMS, bucket policy, security group and NACL changes.",
        ),
    })
    .describe("Security events mailed to the alarm topic's subscribers (HIPAA 164.308(a)(1)(ii)(D), 164.312(b))."),
  cache: z
    .strictObject({
      nodeType: z
        .string()
        .regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, "must be an ElastiCache node type such as cache.t4g.small")
        .describe("ElastiCache node type; must be one the table offers (README, Cache)."),
      nodeCount: z.number().int().min(1).max(6).describe("Nodes: a primary and nodeCount - 1 replicas; 2+ turns on automatic failover."),
      multiAz: z.boolean().describe("Replicas in other AZs with automatic failover; needs nodeCount >= 2."),
      snapshotRetentionDays: z.number().int().min(1).max(35).describe("Days daily snapshots are kept, 1-35."),
      snapshotWindow: DailyWindow("02:00-03:00").describe("Daily snapshot window, UTC; must not overlap the maintenance window."),
      maintenanceWindow: WeeklyWindow("sun:05:30-sun:06:30").describe("Weekly maintenance window, UTC (patch upgrades happen here)."),
      memoryAlarmPercent: AlarmThresholds.describe("DatabaseMemoryUsagePercentage above which the warning and critical alarms fire."),
      evictionsAlarm: AlarmThresholds.describe("Evictions per 5 minutes above which the warning and critical alarms fire."),
      replicationLagAlarmSeconds: AlarmThresholds.describe("ReplicationLag (seconds) above which the alarms fire (with replicas)."),
    })
    .describe("Size and care of the cache (used when the config has a cache)."),
  compute: z
    .strictObject({
      cpu: z.number().int().describe("CPU units (1024 = 1 vCPU); with memoryMb a pair Fargate or App Runner accepts (README, Compute)."),
      memoryMb: z.number().int().describe("Memory, MiB."),
      desiredCount: z.number().int().min(1).max(100).describe("Tasks at creation; auto scaling moves it between minCount and maxCount."),
      minCount: z.number().int().min(1).max(100).describe("Fewest tasks auto scaling keeps (2+ spreads them over AZs)."),
      maxCount: z.number().int().min(1).max(100).describe("Most tasks auto scaling starts."),
      cpuTargetPercent: z.number().int().min(10).max(90).describe("Average CPU (%) target tracking holds the service at."),
      memoryTargetPercent: z.number().int().min(10).max(90).describe("Average memory (%) target tracking holds the service at."),
      cpuAlarmPercent: AlarmThresholds.describe("Service CPUUtilization above which the warning and critical alarms fire."),
      memoryAlarmPercent: AlarmThresholds.describe("Service MemoryUtilization above which the warning and critical alarms fire."),
      http5xxAlarm: AlarmThresholds.describe("Target 5xx responses per 5 minutes above which the warning and critical alarms fire."),
      latencyP95AlarmSeconds: AlarmThresholds.describe(
        "p95 target response time (seconds) above which the warning and critical alarms fire.",
      ),
      unhealthyTargetsAlarm: AlarmThresholds.describe("Unhealthy targets above which the warning and critical alarms fire."),
      errorRateAlarmPercent: AlarmThresholds.describe(
        "5xx responses as a percentage of requests (per 5 minutes) above which the warning and critical alarms fire (R4/R5: 1 %).",
      ),
      imagesKept: z
        .number()
        .int()
        .min(1)
        .max(1000)
        .describe("Newest images each repository keeps; older ones expire (keep the running tag among them)."),
      untaggedImageDays: z.number().int().min(1).max(365).describe("Days an untagged image is kept."),
      rollbackOnAlarms: z
        .boolean()
        .describe(
          "ECS: roll a deployment back when the service's critical error-rate, p95 latency or unhealthy-target alarm fires " +
            "during it (besides the circuit breaker, which rolls back tasks that never become healthy).",
        ),
    })
    .describe("Size, scaling and alarms of each container service (used when the config has services)."),
  budget: z.strictObject({
    monthlyLimitUsd: z.number().positive().max(10_000_000).describe("Monthly cost budget in USD."),
    alertThresholdsPercent: z
      .array(z.number().positive().max(1000))
      .min(1)
      .describe("Actual-spend percentages that alert; 100 % forecast always alerts."),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Each section of an object schema made optional, and every field inside it too. */
type PartialSections<T extends z.ZodRawShape> = {
  [K in keyof T]: T[K] extends z.ZodObject<infer S, infer C>
    ? z.ZodOptional<z.ZodObject<{ [P in keyof S]: z.ZodOptional<S[P]> }, C>>
    : never;
};
function partialSections<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<PartialSections<T>, z.core.$strict> {
  const sections = Object.entries(schema.shape).map(([name, section]) => [name, (section as z.ZodObject).partial().optional()]);
  return z.strictObject(Object.fromEntries(sections) as PartialSections<T>);
}

/** Any part of the settings, for per-environment overrides: derived, so a new setting is overridable at once. */
export const SettingsOverrides = partialSections(SettingsSchema);
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
  glacierAfterDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe("Move objects to Glacier Flexible Retrieval after N days. @default never"),
  objectLock: z
    .strictObject({ mode: z.enum(["GOVERNANCE", "COMPLIANCE"]), days: z.number().int().min(1).max(36500) })
    .optional()
    .describe("WORM retention for every new object version. @default none"),
  replicateIn: z.array(EnvironmentName).optional().describe("Environments in which the bucket replicates to drRegion. @default none"),
  cloudTrailDataEvents: z
    .boolean()
    .optional()
    .describe("Record object-level reads and writes in CloudTrail. @default true when dataClassification is pii or phi"),
});

/** A random value generated at apply time (random provider); only a reference reaches the synthesized JSON. */
export const GeneratedValue = z.strictObject({
  length: z.number().int().min(16).max(4096).describe("Characters."),
  special: z.boolean().optional().describe("Include punctuation. @default false (URL and shell safe)"),
  specialCharacters: z
    .string()
    .regex(/^[!#$%&*()\-_=+\[\]{}<>:?.,~^]+$/, "may hold only punctuation from !#$%&*()-_=+[]{}<>:?.,~^")
    .optional()
    .describe("The punctuation to use when special is true. @default the random provider's set"),
});

export const SecretSpec = z
  .strictObject({
    name: ComponentName.describe("Secret name; stored as <app>/<env>/<name>."),
    description: z.string().max(2048).optional(),
    generate: GeneratedValue.optional().describe("Generate the value. @default - none: a placeholder whose value is set out of band"),
    keys: z
      .record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, "must be an UPPER_SNAKE_CASE key"), z.union([GeneratedValue, z.literal("external")]))
      .optional()
      .describe('A JSON secret: each key generated, or "external" (set out of band).'),
    rotation: z
      .strictObject({
        lambdaArn: z.string().regex(/^arn:aws(-us-gov)?:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+$/, "must be a Lambda function ARN"),
        days: z.number().int().min(1).max(365),
      })
      .optional()
      .describe("Rotate with this Lambda every N days. @default none"),
  })
  .refine((s) => !(s.generate && s.keys), { message: "set either generate or keys, not both", path: ["keys"] });

/** An extra customer-managed key, e.g. for field-level PHI encryption. */
export const KeySpec = z.strictObject({
  purpose: ComponentName.describe("Alias becomes alias/<app>-<env>-<purpose>."),
  description: z.string().min(1).max(8192),
});

/** An alarm pair on a pattern in the app log group (e.g. failed logins). */
export const LogMetricAlarmSpec = z.strictObject({
  name: ComponentName,
  pattern: z.string().min(1).describe('CloudWatch Logs filter pattern, e.g. { $.event = "login_failed" }.'),
  warning: z.number().positive().describe("Matches per period that raise the warning alarm."),
  critical: z.number().positive().describe("Matches per period that raise the critical alarm."),
  periodSeconds: z
    .number()
    .int()
    .min(60)
    .multipleOf(60, "must be a multiple of 60: log metric filters publish standard-resolution metrics")
    .max(86400, "must be at most 86400 (a day): CloudWatch's longest alarm period")
    .optional()
    .describe(`Seconds per evaluation period, a multiple of 60, at most a day. @default ${SPEC_DEFAULTS.logMetricAlarmPeriodSeconds}`),
});

/** The app's relational database: one RDS instance per environment, sized by settings.database. */
export const DatabaseSpec = z.strictObject({
  engine: DatabaseEngine.describe(
    "postgres (RDS for PostgreSQL), mysql (RDS for MySQL) or aurora-postgresql (an Aurora PostgreSQL cluster).",
  ),
  version: z
    .string()
    .regex(/^\d+(\.\d+)*$/, 'must be a version number such as "16" or "8.4"')
    .describe(
      "Major version: postgres and aurora-postgresql 13-17, mysql 8.0 or 8.4 (README, Database). Minors follow auto minor upgrades.",
    ),
  name: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "must start with a letter and hold only letters, digits and underscores")
    .max(63)
    .optional()
    .describe("Database created with the instance. @default the app name, hyphens as underscores"),
  replicateIn: z
    .array(EnvironmentName)
    .optional()
    .describe(
      "Environments whose backups are copied to drRegion: RDS automated backup replication (point-in-time recovery there), Aurora " +
        "daily AWS Backup copies. @default none",
    ),
});

/** The app's cache: one ElastiCache replication group per environment, sized by settings.cache. */
export const CacheSpec = z.strictObject({
  engine: CacheEngine.describe("redis (ElastiCache for Redis OSS) or valkey (ElastiCache for Valkey)."),
  version: z
    .string()
    .regex(/^\d+(\.\d+)*$/, 'must be a version number such as "7"')
    .describe("Major version: redis 7, valkey 7, 8 or 9 (README, Cache)."),
});

/** Where a service runs: a switch, so one service spec synthesizes on either. */
export const ServiceKind = z
  .enum(["ecs", "apprunner"])
  .describe(
    "ecs: ECS Fargate behind the ALB (edge.alb). apprunner: App Runner, for accounts that already use it (closed to new AWS " +
      "customers since 2026-04-30).",
  );
export type ServiceKind = z.infer<typeof ServiceKind>;

const EnvVarName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "must be an UPPER_SNAKE_CASE variable name");
const ImageTag = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "must be an image tag such as 1.4.2 or a git SHA (no 'latest': tags are immutable)")
  .refine((tag) => tag !== "latest", "must name one build, such as 1.4.2 or a git SHA, not 'latest' (the repository's tags are immutable)");

/** Per-service changes to settings.compute sizes, and the image tag it runs. */
const ServiceSizing = z.strictObject({
  cpu: z.number().int().optional(),
  memoryMb: z.number().int().optional(),
  desiredCount: z.number().int().min(1).max(100).optional(),
  minCount: z.number().int().min(1).max(100).optional(),
  maxCount: z.number().int().min(1).max(100).optional(),
  imageTag: ImageTag.optional().describe("Tag this environment runs. @default the service's imageTag"),
});

/** What a service's task role may reach: nothing else. */
export const ServiceGrants = z.strictObject({
  buckets: z
    .array(z.strictObject({ name: ComponentName, access: z.enum(["read", "write", "readWrite"]) }))
    .optional()
    .describe("Data buckets (by config name) and the access to each. @default none"),
  keys: z.array(ComponentName).optional().describe("Extra keys (by purpose) the app encrypts and decrypts with directly. @default none"),
  database: z.boolean().optional().describe("Connect to the database as user <service> with IAM authentication. @default false"),
  cache: z.boolean().optional().describe("Reach the cache; REDIS_PASSWORD is injected from its AUTH token. @default false"),
});

/** An ALB path pattern: `/`, letters, digits and `_-.$/~"'@:+`, with `*` and `?` wildcards. */
const PathPattern = z
  .string()
  .max(128)
  .regex(/^\/[A-Za-z0-9_.$\/~"'@:+*?-]*$/, "must be an ALB path pattern such as /api/* (starts with /, at most 128 characters)");
/** An ALB host header pattern, e.g. api.example.com or *.example.com. */
const HostPattern = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9*?.-]+$/, "must be a host name pattern such as api.example.com or *.example.com");

/** Which requests the ALB forwards to an ECS service. */
export const ServiceRouting = z.strictObject({
  default: z
    .boolean()
    .optional()
    .describe("This service gets every request no other service's rule matches (exactly one ECS service). @default false"),
  pathPatterns: z.array(PathPattern).min(1).optional().describe("Paths forwarded to this service, e.g. /api/*. @default none"),
  hostHeaders: z
    .array(HostPattern)
    .min(1)
    .optional()
    .describe("Host names forwarded to this service (with pathPatterns: both must match)."),
  priority: z
    .number()
    .int()
    .min(1)
    .max(50000)
    .optional()
    .describe(
      `Listener rule priority, lower first, unique. @default ${COMPUTE_DEFAULTS.routingPriorityStep} x the service's position ` +
        "among the routed ECS services",
    ),
});

/** Where a service's security group may send traffic besides the VPC endpoints, the database and the cache. */
export const ServiceEgress = z.strictObject({
  internetHttps: z.literal(true).describe("HTTPS (443) to any address, out through the NAT gateway: third-party APIs the app calls."),
  reason: z
    .string()
    .min(10)
    .describe("Why the service needs the internet (which APIs): a reviewer reads this; it becomes the scanners' suppression reason."),
});

/** A container service built from an ECR repository of its own. */
export const ServiceSpec = z.strictObject({
  name: ComponentName.describe("Service name; the repository and service are <app>-<env>-<name>."),
  kind: ServiceKind,
  imageTag: ImageTag.describe("Image tag Terraform deploys; CI pushes the image, then changes this (README, Compute)."),
  port: z.number().int().min(1024).max(65535).describe("Container port, 1024-65535 (the container runs as a non-root user)."),
  healthCheckPath: z
    .string()
    .regex(/^\/[A-Za-z0-9._~\/-]*$/, "must be a URL path such as /healthz")
    .max(1024, "must be at most 1024 characters (the load balancer's limit)")
    .describe("Path the load balancer and the container health check request."),
  user: z
    .string()
    .regex(/^[1-9]\d*(:\d+)?$/, "must be a numeric non-root uid or uid:gid such as 1000:1000")
    .optional()
    .describe(`User the container runs as. @default ${COMPUTE_DEFAULTS.user}`),
  environment: z
    .record(EnvVarName, z.string().max(4096))
    .optional()
    .describe("Plain environment variables (no secrets: those go in `secrets`)."),
  secrets: z.record(EnvVarName, ComponentName).optional().describe("Environment variables injected from config secrets, by secret name."),
  grants: ServiceGrants.optional(),
  routing: ServiceRouting.optional().describe(
    "ECS: the requests the ALB forwards to this service (listener rule). App Runner ignores it (each service has its own " +
      "endpoint), so a service keeps it to switch kind in one word. @default the only ECS service takes everything",
  ),
  targetProtocol: z
    .enum(["HTTP", "HTTPS"])
    .optional()
    .describe(
      "ECS (App Runner ignores it): protocol from the ALB to the tasks. " +
        "HTTPS needs the container to serve TLS on its port (any certificate: the ALB does " +
        `not validate it) and health checks go over HTTPS (README, Compute). @default ${COMPUTE_DEFAULTS.targetProtocol}`,
    ),
  egress: ServiceEgress.optional().describe(
    "HTTPS out to the internet through NAT, with the reason. @default none: the VPC endpoints, the database and the cache only",
  ),
  tracing: z
    .boolean()
    .optional()
    .describe("App Runner: send traces to X-Ray (the instance role may write them). ECS ignores it for now. @default false"),
  overrides: ServiceSizing.optional().describe("This service's changes to settings.compute in every environment."),
  environments: z
    .strictObject({ dev: ServiceSizing.optional(), staging: ServiceSizing.optional(), prod: ServiceSizing.optional() })
    .optional()
    .describe("This service's changes per environment (they win over `overrides`)."),
});
export type ServiceSpec = z.infer<typeof ServiceSpec>;

const CertificateArn = z
  .string()
  .regex(
    /^arn:aws(-us-gov)?:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/,
    "must be an ACM certificate ARN: arn:aws:acm:<region>:<account>:certificate/<id>",
  );

/**
 * AWS managed rule groups a web ACL may add to its built-in ones (README, Compute): the
 * free ones that need no configuration. Each costs WCU; above 1,500 AWS charges more.
 */
export const ExtraManagedRuleGroup = z
  .enum([
    "AWSManagedRulesAdminProtectionRuleSet",
    "AWSManagedRulesLinuxRuleSet",
    "AWSManagedRulesUnixRuleSet",
    "AWSManagedRulesWindowsRuleSet",
    "AWSManagedRulesPHPRuleSet",
    "AWSManagedRulesWordPressRuleSet",
  ])
  .describe("Admin paths (100 WCU), Linux LFI (200), POSIX shell (100), Windows/PowerShell (200), PHP (100), WordPress (100).");

/** The REGIONAL WAFv2 web ACL of the ALB and the App Runner services. */
export const WafSpec = z.strictObject({
  enabled: z
    .boolean()
    .optional()
    .describe(
      "false leaves the internet-facing ALB or App Runner services without a WAF: CKV2_AWS_28 (ALB) then fails unless suppressed " +
        "with a reason. @default true",
    ),
  rateLimitPer5Min: z
    .number()
    .int()
    .min(10)
    .max(2_000_000_000)
    .optional()
    .describe(
      `Requests one client IP may send in 5 minutes before it is blocked, 10-2000000000. @default ${WAF_DEFAULTS.rateLimitPer5Min}`,
    ),
  extraManagedRuleGroups: z
    .array(ExtraManagedRuleGroup)
    .optional()
    .describe(
      "AWS managed rule groups after the built-in ones (IP reputation, anonymous IPs, common, known bad inputs, SQLi). @default none",
    ),
});

/** A lowercase DNS name such as app.example.com. */
export const DomainName = z
  .string()
  .max(253)
  .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a lowercase DNS name such as app.example.com");

/** A public Route 53 hosted zone the edge validates certificates in and writes alias records to. */
export const HostedZoneSpec = z.strictObject({
  name: DomainName.describe("Zone name (example.com): what a domain's `zone` names."),
  zoneId: z
    .string()
    .regex(/^Z[A-Z0-9]{1,31}$/, "must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ")
    .optional()
    .describe("Look the zone up by id. @default - by name, as a public zone"),
});

/** A host name and its certificate source: an existing ACM certificate, or one DNS-validated in a hosted zone. */
export const DomainSpec = z.strictObject({
  name: DomainName.describe("Host name clients (or CloudFront) connect to."),
  zone: DomainName.optional().describe(
    "A zone of edge.hostedZones holding name: the certificate is DNS-validated there and an alias record points name at the " +
      "resource. @default none",
  ),
  certificateArn: CertificateArn.optional().describe("An existing ACM certificate covering name (DNS managed elsewhere). @default none"),
});

const PerEnvironment = <T extends z.ZodType>(t: T) => z.strictObject({ dev: t.optional(), staging: t.optional(), prod: t.optional() });

/** An ISO 3166-1 alpha-2 country code, or EU for the 27 member states. */
const CountryCode = z.string().regex(/^([A-Z]{2})$/, "must be an ISO 3166-1 alpha-2 country code such as DE, or EU");

/** CloudFront in front of a static frontend bucket and/or the ALB (README, Edge). */
export const CdnSpec = z.strictObject({
  frontend: z
    .boolean()
    .optional()
    .describe(
      "A private, versioned frontend bucket <app>-<env>-frontend-<account> (SSE-KMS, origin access control) as the default " +
        "origin. @default false",
    ),
  alb: z
    .boolean()
    .optional()
    .describe(
      "Put the distribution in front of the ALB; the ALB then admits only CloudFront (origin-facing prefix list and a secret " +
        "origin header). Needs edge.alb.domains.<env>. @default false",
    ),
  domains: PerEnvironment(DomainSpec).describe(
    "The distribution's host name per declared environment; its certificate is in us-east-1 (an existing ARN there, or " +
      "DNS-validated in zone).",
  ),
  apiPathPatterns: z
    .array(z.string().regex(/^\/[A-Za-z0-9._~\/*-]*$/, "must be a path pattern such as /api/*"))
    .min(1)
    .optional()
    .describe(`With frontend and alb: paths sent to the ALB, uncached. @default ${JSON.stringify(CDN_DEFAULTS.apiPathPatterns)}`),
  staticPathPatterns: z
    .array(z.string().regex(/^\/[A-Za-z0-9._~\/*-]*$/, "must be a path pattern such as /static/*"))
    .optional()
    .describe(
      "With alb and no frontend: paths of static assets without PHI, cached up to a day and served to anyone (no " +
        `authorization in the cache key); the rest is not cached. @default ${JSON.stringify(CDN_DEFAULTS.staticPathPatterns)}`,
    ),
  contentSecurityPolicy: z
    .string()
    .min(1)
    .max(1783)
    .optional()
    .describe("Content-Security-Policy header of every response. @default \"default-src 'self'; ...\" (README, Edge)"),
  geoRestriction: z
    .strictObject({ type: z.enum(["whitelist", "blacklist"]), countries: z.array(CountryCode).min(1) })
    .optional()
    .describe('Allow (whitelist) or block countries; "EU" stands for the 27 member states. @default none'),
  priceClass: z
    .enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"])
    .optional()
    .describe(`Edge locations used: 100 is North America and Europe. @default ${CDN_DEFAULTS.priceClass}`),
  webAcl: z
    .boolean()
    .optional()
    .describe(
      "A CLOUDFRONT-scope web ACL (us-east-1, with its logs) on the distribution; outside allowedRegions it needs the " +
        "residencyExceptions entry cloudfront-web-acl. @default true when alb, else false (the WAF stays on the regional resource)",
    ),
});

/** What fronts the services. */
export const EdgeSpec = z.strictObject({
  waf: WafSpec.optional().describe("The WAFv2 web ACL on the ALB and App Runner services: on whenever there is one."),
  alb: z
    .strictObject({
      certificateArns: z
        .strictObject({ dev: CertificateArn.optional(), staging: CertificateArn.optional(), prod: CertificateArn.optional() })
        .optional()
        .describe("Existing ACM certificate per environment, in its account and region (HTTPS is required)."),
      domains: PerEnvironment(DomainSpec)
        .optional()
        .describe(
          "The ALB's host name per environment (the origin CloudFront connects to; its certificate covers it), with a certificate " +
            "source when certificateArns has none. @default none",
        ),
    })
    .optional()
    .describe("The internet-facing Application Load Balancer of the ECS services."),
  hostedZones: z.array(HostedZoneSpec).optional().describe("Route 53 zones that domains name in `zone`. @default none"),
  cdn: CdnSpec.optional().describe("CloudFront in front of a frontend bucket and/or the ALB. @default none"),
});

/** What AWS accepts only in us-east-1 for CloudFront: the resources a residency exception may place there. */
export const ResidencyExceptionResource = z
  .enum(["cloudfront-certificate", "cloudfront-web-acl", "cloudfront-log-delivery"])
  .describe(
    "cloudfront-certificate: the distribution's ACM certificate and its validation. cloudfront-web-acl: the CLOUDFRONT-scope " +
      "web ACL, its log group (client IPs), its log policy and key. cloudfront-log-delivery: the access-log delivery source, " +
      "destination and delivery (configuration only; the logs land in the primary region).",
  );

/** An explicit, named opt-in for a resource outside allowedRegions. */
export const ResidencyExceptionSpec = z.strictObject({
  resource: ResidencyExceptionResource,
  region: Region.describe("Where it lives: us-east-1, by AWS's rule for CloudFront."),
  holds: z.string().min(10).describe("What it holds (personal data or not): a reviewer reads this."),
  reason: z.string().min(10).describe("Why it is acceptable."),
});

/**
 * With GDPR, an allowed region outside the EEA is a transfer of personal data to a third
 * country (Art. 44-46): said out loud, with its legal basis, or the config is rejected.
 */
export const ResidencyAcknowledgementSpec = z.strictObject({
  region: Region.describe("An allowedRegions entry outside the EEA."),
  reason: z
    .string()
    .min(10)
    .describe("The transfer's legal basis and what goes there (adequacy decision, SCCs, no personal data): a reviewer reads this."),
});

/** A justified exception to one guardrail rule on one construct (and what is below it). */
export const SuppressionSpec = z.strictObject({
  rule: z.string().describe("Rule id: Checkov (CKV_AWS_18) or Trivy (AWS-0089) form."),
  stack: z.enum(["app", "bootstrap"]).optional().describe("Stack the construct is in. @default app"),
  path: z.string().min(1).describe("Construct path inside the stack, e.g. AccessLogBucket or DataBucket-documents/Bucket."),
  environments: z.array(EnvironmentName).optional().describe("Environments it applies to. @default all"),
  reason: z.string().describe("Why the finding is acceptable: a reviewer reads this (10+ characters)."),
});

/** An IAM role name template: letters, digits, + = , . @ _ - and the placeholders {app} {env} {account} {region}. */
const RoleNameTemplate = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9+=,.@_{}-]+$/, "may hold letters, digits, + = , . @ _ - and the placeholders {app} {env} {account} {region}");

/** CI on GitHub Actions: the account's OIDC provider and a plan and a deploy role per environment. */
export const GitHubDeliverySpec = z.strictObject({
  repository: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/, "must be <owner>/<repo> as GitHub spells it, e.g. acme/careportal")
    .describe("The GitHub repository whose workflows may assume the roles, <owner>/<repo>."),
  defaultBranch: z
    .string()
    .regex(/^[A-Za-z0-9._\/-]+$/, "must be a branch name such as main")
    .optional()
    .describe(`Branch whose pushes plan (and apply) every environment. @default ${GITHUB_DEFAULTS.defaultBranch}`),
  planRoleName: RoleNameTemplate.optional().describe(
    `Name of the read-only role pull requests and the default branch plan with. @default ${GITHUB_DEFAULTS.planRoleName}`,
  ),
  deployRoleName: RoleNameTemplate.optional().describe(
    "Name of the role the GitHub environment <env> applies with (R1: {app}-{env}-github-actions-role). " +
      `@default ${GITHUB_DEFAULTS.deployRoleName}`,
  ),
  oidcProvider: z
    .enum(["create", "existing"])
    .optional()
    .describe(
      "create: the first environment of each account creates the token.actions.githubusercontent.com provider (one per account). " +
        `existing: the accounts already have one. @default ${GITHUB_DEFAULTS.oidcProvider}`,
    ),
  deploySessionHours: z
    .number()
    .int()
    .min(1)
    .max(12)
    .optional()
    .describe(
      "Longest deploy session, 1-12 hours (a Multi-AZ database or a distribution can take over an hour). " +
        `@default ${GITHUB_DEFAULTS.deploySessionHours}`,
    ),
  pullRequestPlans: z
    .array(EnvironmentName)
    .optional()
    .describe(
      "Environments a pull request may plan (the pull-request workflow plans them; their GitHub environment <env>-plan must " +
        "allow every branch). The plan role reads state, which holds generated secrets, and a pull request can change the " +
        `workflow: give the others' <env>-plan the default branch only. @default ${JSON.stringify(GITHUB_DEFAULTS.pullRequestPlans)}`,
    ),
});

/** How the app is delivered. */
export const DeliverySpec = z.strictObject({
  github: GitHubDeliverySpec.optional().describe("GitHub Actions with OIDC roles (README, From laptop to CI). @default none"),
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
    drRegion: Region.optional().describe("Disaster-recovery region for bucket replicas and database backups; must be in allowedRegions."),
    database: DatabaseSpec.optional().describe(
      "The relational database (RDS PostgreSQL or MySQL instance, or an Aurora PostgreSQL cluster). @default none",
    ),
    cache: CacheSpec.optional().describe("The cache (ElastiCache Redis OSS or Valkey). @default none"),
    services: z.array(ServiceSpec).optional().describe("Container services. @default none"),
    edge: EdgeSpec.optional().describe("Load balancer, WAF and CloudFront in front of the services."),
    residencyExceptions: z
      .array(ResidencyExceptionSpec)
      .optional()
      .describe("Resources allowed outside allowedRegions, each named with what it holds and why (README, Edge). @default none"),
    residencyAcknowledgements: z
      .array(ResidencyAcknowledgementSpec)
      .optional()
      .describe("With compliance gdpr: each allowedRegions entry outside the EEA, with the transfer's legal basis. @default none"),
    keys: z.array(KeySpec).optional().describe("Extra customer-managed keys besides the environment's data key."),
    secrets: z.array(SecretSpec).optional().describe("Secrets Manager entries, generated or placeholders."),
    alarmEmails: z
      .array(z.email("must be an e-mail address such as oncall@example.com"))
      .optional()
      .describe("Addresses subscribed to the alarm topic (each must confirm)."),
    logMetricAlarms: z.array(LogMetricAlarmSpec).optional().describe("Warning/critical alarms on patterns in the app log group."),
    overrides: SettingsOverrides.optional().describe("Changes to every environment's preset (an environment's own overrides win)."),
    delivery: DeliverySpec.optional().describe("CI delivery: GitHub OIDC roles. @default none"),
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
