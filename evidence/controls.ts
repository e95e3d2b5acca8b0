/**
 * The controls an auditor asks about, and what in a stack implements and verifies each:
 * one table, reviewed in tests. The HIPAA Security Rule's technical safeguards (45 CFR
 * 164.312), its contingency plan (164.308(a)(7)) and retention (164.316(b)(2)); GDPR
 * Art. 32(1)(a)-(d) and the transfer articles (Art. 44-46).
 *
 * A control is implemented by resources of the listed types (their addresses are the
 * evidence) and verified by the guardrail rules of the listed control families
 * (`guardrails/packs.ts`), whose results go beside it.
 */
import { LOG_RETENTION_DAYS } from "../config/schema";
import type { TfGraph, TfResource } from "../guardrails/graph";
import type { ControlFamily } from "../guardrails/packs";
import { blocks, get } from "../guardrails/rules/helpers";

/** What the stack cannot show but the config says: a control met outside it. */
export interface OutsideTheStack {
  /** audit.cloudTrail off: an organization trail records the account's API calls. */
  readonly organizationTrail?: boolean;
  /** audit.guardDuty or audit.awsConfig off: the organization's detector or recorder covers the account. */
  readonly organizationMonitoring?: boolean;
  /**
   * A stack that serves an app stack (bootstrap, the GitHub roles' own): the app stack (named)
   * records and monitors the account and implements what this stack holds nothing for.
   */
  readonly accountCoveredBy?: string;
  /** A bootstrap stack: the roles that run Terraform are made outside it (deployRoleArn, state.roleArn). */
  readonly identitiesOutside?: boolean;
  /**
   * Transfers the config declares: resources it lets live outside the allowed regions
   * (residencyExceptions) and allowed regions outside the EEA (residencyAcknowledgements),
   * each with what it holds or its legal basis.
   */
  readonly transfers?: readonly string[];
}

export interface Control {
  /** "164.312(b)", "Art. 32(1)(a)". */
  readonly id: string;
  readonly framework: "HIPAA" | "GDPR";
  readonly title: string;
  /** Resource types whose presence implements it (`provider.aws` for the provider blocks): none of them, no control. */
  readonly implementedBy: readonly string[];
  /** Which resources of those types implement it. @default every one */
  readonly implementing?: (resource: TfResource) => boolean;
  /** How to close it when it is a gap, for the evidence. @default none said */
  readonly closeGap?: string;
  /**
   * What must implement it here and falls short, each named with why (the audit trail's own
   * log stores kept less than six years): any makes the control a gap, whatever else implements it. @default none
   */
  readonly shortfalls?: (graph: TfGraph) => readonly string[];
  /** What the config declares about it, for the reviewer to read beside the evidence. @default nothing */
  readonly declared?: (outside: OutsideTheStack) => readonly string[] | undefined;
  /** Resource types listed as further evidence; they alone do not meet the control. @default none */
  readonly supportedBy?: readonly string[];
  /** Control families whose rules verify it. */
  readonly verifiedBy: readonly ControlFamily[];
  /** Why the control is met outside this stack, when it is (no implementing resource here). */
  readonly external?: (outside: OutsideTheStack) => string | undefined;
}

const KEYS_AND_ENCRYPTION = [
  "aws_kms_key",
  "aws_s3_bucket_server_side_encryption_configuration",
  "aws_db_instance",
  "aws_rds_cluster",
  "aws_elasticache_replication_group",
  "aws_dynamodb_table",
  "aws_secretsmanager_secret",
  "aws_cloudwatch_log_group",
  "aws_sns_topic",
  "aws_ecr_repository",
];

const IN_TRANSIT = [
  "aws_lb_listener",
  "aws_cloudfront_distribution",
  "aws_db_parameter_group",
  "aws_rds_cluster_parameter_group",
  "aws_elasticache_replication_group",
  "aws_s3_bucket_policy",
  "aws_apprunner_service",
];

const BACKUPS = [
  "aws_db_instance_automated_backups_replication",
  "aws_backup_plan",
  "aws_backup_vault",
  "aws_s3_bucket_replication_configuration",
  "aws_s3_bucket_versioning",
];

/** HIPAA's retention period, in days. */
const SIX_YEARS_DAYS = 6 * 365;
/** The shortest log retention CloudWatch accepts that covers it (2192): what the gap's fix advises. */
const SIX_YEARS_RETENTION = LOG_RETENTION_DAYS.find((days) => days >= SIX_YEARS_DAYS);

/**
 * The shortest time a log store keeps what it holds, in days, when it sets one: a log group's
 * retention (0 is never expiring: none set), an Object Lock's default retention, or the
 * earliest expiration of a lifecycle's enabled rules, of current objects or of noncurrent
 * versions (what a delete leaves behind). Undefined for anything else.
 */
function keptDays({ type, config }: TfResource): number | undefined {
  if (type === "aws_cloudwatch_log_group") return Number(config.retention_in_days ?? 0) || undefined;
  if (type === "aws_s3_bucket_object_lock_configuration") {
    const days = Number(get(config, "rule.default_retention.days") ?? 0) || Number(get(config, "rule.default_retention.years") ?? 0) * 365;
    return days || undefined;
  }
  if (type === "aws_s3_bucket_lifecycle_configuration") {
    const limits = blocks(config.rule)
      .filter((r) => r.status === "Enabled")
      .flatMap((r) => [get(r, "expiration.days"), get(r, "noncurrent_version_expiration.noncurrent_days")])
      .filter((days) => days !== undefined)
      .map(Number);
    return limits.length > 0 ? Math.min(...limits) : undefined;
  }
  return undefined;
}

/**
 * A log group, bucket lifecycle or object lock that keeps what it holds at least six years: a
 * log group that never expires or expires later, a lifecycle that sets expirations and none
 * sooner (a bucket that merely keeps objects sets no retention), a lock whose default
 * retention is that long. A year of app logs is not retention evidence.
 */
function keepsSixYears(resource: TfResource): boolean {
  const kept = keptDays(resource);
  if (resource.type === "aws_cloudwatch_log_group") return kept === undefined || kept >= SIX_YEARS_DAYS;
  return kept !== undefined && kept >= SIX_YEARS_DAYS;
}

/** How long a log store keeps what it holds, when it sets a limit below six years (`365 days`); undefined otherwise. */
function shorterThanSixYears(resource: TfResource): string | undefined {
  const kept = keptDays(resource);
  return kept !== undefined && kept < SIX_YEARS_DAYS ? `${kept} days` : undefined;
}

/**
 * The trails' own stores (the log group and the bucket each CloudTrail writes to, its Object
 * Lock and lifecycle) that keep audit records less than six years: access logs kept longer do
 * not make up for them.
 */
function auditTrailShortfalls(graph: TfGraph): string[] {
  // The bucket and group the trail writes to, not the buckets its data-event selectors name.
  const stores = graph.ofType("aws_cloudtrail").flatMap((trail) => {
    const bucket = graph.resolveRef(trail.config.s3_bucket_name);
    const bucketStores = bucket
      ? graph.referencing(bucket, "aws_s3_bucket_object_lock_configuration", "aws_s3_bucket_lifecycle_configuration")
      : [];
    // Its one log group (cloud_watch_logs_group_arn, written `${...arn}:*`).
    return [...graph.referencedBy(trail, "aws_cloudwatch_log_group"), ...bucketStores];
  });
  return [...new Set(stores)].flatMap((r) => {
    const kept = shorterThanSixYears(r);
    return kept ? [`${r.address} keeps ${kept}`] : [];
  });
}

const organizationTrail = (o: OutsideTheStack) =>
  o.organizationTrail
    ? "an organization trail records this account's API calls (audit.cloudTrail is off)"
    : o.accountCoveredBy && `the trail of ${o.accountCoveredBy} records this account's API calls`;

export const CONTROLS: readonly Control[] = [
  {
    id: "164.312(a)(1)",
    framework: "HIPAA",
    title: "Access control: only authorized persons and software reach ePHI",
    implementedBy: ["aws_iam_role", "aws_security_group", "aws_s3_bucket_public_access_block", "aws_s3_bucket_policy", "aws_network_acl"],
    verifiedBy: ["access-control", "network-segmentation"],
  },
  {
    id: "164.312(a)(2)(iv)",
    framework: "HIPAA",
    title: "Encryption and decryption of ePHI at rest",
    implementedBy: KEYS_AND_ENCRYPTION,
    verifiedBy: ["encryption-at-rest"],
  },
  {
    id: "164.312(b)",
    framework: "HIPAA",
    title: "Audit controls: activity in systems holding ePHI is recorded",
    implementedBy: ["aws_cloudtrail"],
    supportedBy: ["aws_flow_log", "aws_s3_bucket_logging", "aws_wafv2_web_acl_logging_configuration", "aws_config_configuration_recorder"],
    verifiedBy: ["audit-logging"],
    external: organizationTrail,
  },
  {
    id: "164.312(c)(1)",
    framework: "HIPAA",
    title: "Integrity: ePHI is not improperly altered or destroyed",
    implementedBy: [
      "aws_s3_bucket_versioning",
      "aws_s3_bucket_object_lock_configuration",
      "aws_cloudtrail",
      "aws_backup_vault_lock_configuration",
    ],
    verifiedBy: ["integrity"],
  },
  {
    id: "164.312(d)",
    framework: "HIPAA",
    title: "Person or entity authentication",
    implementedBy: ["aws_iam_role", "aws_iam_openid_connect_provider"],
    verifiedBy: ["access-control"],
    external: (o) => (o.identitiesOutside ? "the roles that run Terraform are made outside this stack (deployRoleArn)" : undefined),
  },
  {
    id: "164.312(e)(1)",
    framework: "HIPAA",
    title: "Transmission security: ePHI is encrypted in transit",
    implementedBy: IN_TRANSIT,
    verifiedBy: ["encryption-in-transit"],
  },
  {
    id: "164.308(a)(7)",
    framework: "HIPAA",
    title: "Contingency plan: backups, disaster recovery, emergency mode",
    implementedBy: ["aws_db_instance", "aws_rds_cluster", "aws_elasticache_replication_group", ...BACKUPS],
    verifiedBy: ["availability"],
  },
  {
    id: "164.316(b)(2)",
    framework: "HIPAA",
    title: "Retention of required documentation and logs (6 years)",
    implementedBy: ["aws_cloudwatch_log_group", "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_object_lock_configuration"],
    implementing: keepsSixYears,
    shortfalls: auditTrailShortfalls,
    closeGap:
      `the audit records are not kept six years (${SIX_YEARS_DAYS} days) here; where the environment holds PHI, ` +
      `set logs.auditRetentionDays to ${SIX_YEARS_RETENTION} or more (the first retention CloudWatch offers past six years; ` +
      "the prod preset does this)",
    verifiedBy: ["audit-logging"],
    external: organizationTrail,
  },
  {
    id: "Art. 32(1)(a)",
    framework: "GDPR",
    title: "Pseudonymisation and encryption of personal data",
    implementedBy: [...KEYS_AND_ENCRYPTION, ...IN_TRANSIT],
    verifiedBy: ["encryption-at-rest", "encryption-in-transit"],
  },
  {
    id: "Art. 32(1)(b)",
    framework: "GDPR",
    title: "Ongoing confidentiality, integrity, availability and resilience",
    implementedBy: ["aws_security_group", "aws_iam_role", "aws_s3_bucket_versioning", "aws_db_instance", "aws_rds_cluster"],
    verifiedBy: ["access-control", "network-segmentation", "integrity", "availability"],
  },
  {
    id: "Art. 32(1)(c)",
    framework: "GDPR",
    title: "Restore availability and access to personal data in a timely manner",
    implementedBy: ["aws_db_instance", "aws_rds_cluster", ...BACKUPS],
    verifiedBy: ["availability"],
  },
  {
    id: "Art. 32(1)(d)",
    framework: "GDPR",
    title: "Regularly testing, assessing and evaluating the measures",
    implementedBy: ["aws_config_configuration_recorder", "aws_guardduty_detector"],
    supportedBy: ["aws_config_config_rule", "aws_cloudwatch_metric_alarm"],
    verifiedBy: ["monitoring"],
    external: (o) =>
      o.organizationMonitoring
        ? "the organization's GuardDuty and Config cover this account (audit settings)"
        : o.accountCoveredBy && `GuardDuty and Config of ${o.accountCoveredBy} cover this account`,
  },
  {
    id: "Art. 44-46",
    framework: "GDPR",
    title: "Transfers: personal data stays in the allowed regions",
    implementedBy: ["provider.aws"],
    verifiedBy: ["residency"],
    declared: (o) => o.transfers,
  },
];
