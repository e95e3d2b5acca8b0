/** RDS instances and Aurora clusters: scanner-rules.md §2.2-2.3. */
import { fail, notApplicable, pass, unknown, type Rule } from "../types";
import type { TfResource } from "../graph";
import { attributeRule, blocks, companionRule, get, isSet, isTrue, mustBeSet, mustBeTrue, mustNotBeTrue } from "./helpers";

const INSTANCE = ["aws_db_instance"];
const CLUSTER = ["aws_rds_cluster"];
const INSTANCES = ["aws_db_instance", "aws_rds_cluster_instance"];
const isReplica = (r: TfResource) => isSet(r.config.replicate_source_db);
const paramNames = (pg: TfResource) => blocks(pg.config.parameter).map((p) => p.name);
/** Query logging for PostgreSQL: a referenced parameter group sets both log parameters. */
function queryLoggingRule(meta: Omit<Rule, "check">, engine: string, groupType: string): Rule {
  return {
    ...meta,
    check: (r, g) => {
      if (r.config.engine !== engine) return notApplicable;
      const ok = g
        .referencedBy(r, groupType)
        .some((pg) => paramNames(pg).includes("log_statement") && paramNames(pg).includes("log_min_duration_statement"));
      return ok ? pass : fail(`no ${groupType} with log_statement and log_min_duration_statement`);
    },
  };
}
const param = (pg: TfResource, name: string) => blocks(pg.config.parameter).find((p) => p.name === name)?.value;

export const rdsRules: Rule[] = [
  {
    id: "CKV_AWS_16",
    checkov: "CKV_AWS_16",
    trivy: ["AWS-0080", "aws-rds-encrypt-instance-storage-data"],
    severity: "high",
    resourceTypes: INSTANCE,
    description: "storage_encrypted = true (Trivy skips read replicas, Checkov does not).",
    fix: "Set storage_encrypted = true and kms_key_id to the environment's CMK.",
    check: (r) => (isTrue(r.config.storage_encrypted) ? pass : fail(`storage_encrypted is ${r.config.storage_encrypted ?? "not set"}`)),
  },
  mustNotBeTrue(
    {
      id: "CKV_AWS_17",
      checkov: "CKV_AWS_17",
      trivy: ["AWS-0180", "aws-rds-enable-public-access"],
      severity: "critical",
      resourceTypes: INSTANCES,
      description: "publicly_accessible is not true.",
      fix: "Set publicly_accessible = false.",
    },
    "publicly_accessible",
  ),
  {
    id: "CKV_AWS_133",
    checkov: "CKV_AWS_133",
    severity: "medium",
    resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
    description:
      "backup_retention_period, where set, is 1-35; unset passes (AWS's default is 1), as in Checkov. AWS-0077 asks for 2 or more.",
    fix: "Set backup_retention_period explicitly, 7-35 days.",
    check: (r) => {
      const v = r.config.backup_retention_period;
      if (v === undefined) return pass;
      if (typeof v === "string" && v.includes("${")) return unknown(`backup_retention_period is ${v}`);
      const n = Number(v);
      return Number.isInteger(n) && n > 0 && n <= 35 ? pass : fail(`backup_retention_period is ${JSON.stringify(v)}; expected 1-35`);
    },
  },
  {
    id: "AWS-0077",
    trivy: ["AWS-0077", "aws-rds-specify-backup-retention"],
    severity: "medium",
    resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
    description: "backup_retention_period is set and 2-35 (Trivy fails below 2, and unset is AWS's default 1; read replicas are skipped).",
    fix: "Set backup_retention_period explicitly, 7-35 days.",
    check: (r) => {
      if (isReplica(r)) return notApplicable;
      const v = r.config.backup_retention_period;
      if (typeof v === "string" && v.includes("${")) return unknown(`backup_retention_period is ${v}`);
      return typeof v === "number" && v >= 2 && v <= 35 ? pass : fail(`backup_retention_period is ${v ?? "not set"}`);
    },
  },
  mustBeSet(
    {
      id: "CKV_AWS_129",
      checkov: "CKV_AWS_129",
      severity: "medium",
      resourceTypes: INSTANCE,
      description: "enabled_cloudwatch_logs_exports is a non-empty list.",
      fix: "Export postgresql+upgrade (PostgreSQL) or audit+error+general+slowquery (MySQL).",
    },
    "enabled_cloudwatch_logs_exports",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_226",
      checkov: "CKV_AWS_226",
      severity: "low",
      resourceTypes: INSTANCES,
      description: "auto_minor_version_upgrade = true (set explicitly).",
      fix: "Set auto_minor_version_upgrade = true.",
    },
    "auto_minor_version_upgrade",
  ),
  attributeRule(
    {
      id: "CKV_AWS_118",
      checkov: "CKV_AWS_118",
      severity: "low",
      resourceTypes: INSTANCES,
      description: "Enhanced monitoring: monitoring_interval in 1, 5, 10, 15, 30, 60.",
      fix: "Set monitoring_interval = 60 with a monitoring_role_arn.",
    },
    "monitoring_interval",
    (v) => typeof v === "number" && [1, 5, 10, 15, 30, 60].includes(v),
    'one of 1, 5, 10, 15, 30, 60 (a number; Checkov fails the string "5")',
  ),
  {
    id: "CKV_AWS_161",
    checkov: "CKV_AWS_161",
    trivy: ["AWS-0176", "aws-rds-enable-iam-auth"],
    severity: "medium",
    resourceTypes: INSTANCE,
    description: "iam_database_authentication_enabled = true, for engine mysql or postgres.",
    fix: "Set iam_database_authentication_enabled = true.",
    check: (r) =>
      !["mysql", "postgres"].includes(String(r.config.engine))
        ? notApplicable
        : isTrue(r.config.iam_database_authentication_enabled)
          ? pass
          : fail("IAM database authentication is off"),
  },
  mustBeTrue(
    {
      id: "CKV_AWS_293",
      checkov: "CKV_AWS_293",
      trivy: ["AWS-0177", "aws-rds-enable-deletion-protection"],
      severity: "medium",
      resourceTypes: INSTANCE,
      description: "deletion_protection = true.",
      fix: "Set deletion_protection = true (prod preset).",
    },
    "deletion_protection",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_157",
      checkov: "CKV_AWS_157",
      severity: "medium",
      resourceTypes: INSTANCE,
      description: "multi_az = true.",
      fix: "Set multi_az = true (staging/prod).",
    },
    "multi_az",
  ),
  {
    id: "CKV_AWS_353",
    checkov: "CKV_AWS_353",
    trivy: ["AWS-0133", "aws-rds-enable-performance-insights"],
    severity: "low",
    resourceTypes: INSTANCES,
    description: "performance_insights_enabled = true (Checkov: unknown for mysql/mariadb on micro/small classes).",
    fix: "Set performance_insights_enabled = true with performance_insights_kms_key_id.",
    check: (r) => {
      if (/^(mysql|mariadb)/.test(String(r.config.engine)) && /\.(micro|small)$/.test(String(r.config.instance_class)))
        return notApplicable;
      return isTrue(r.config.performance_insights_enabled) ? pass : fail("Performance Insights is off");
    },
  },
  {
    id: "CKV_AWS_354",
    checkov: "CKV_AWS_354",
    trivy: ["AWS-0078", "aws-rds-performance-insights-encryption-customer-key"],
    severity: "medium",
    resourceTypes: INSTANCES,
    description: "Where Performance Insights is on, performance_insights_kms_key_id is set.",
    fix: "Set performance_insights_kms_key_id to the CMK.",
    check: (r) =>
      !isTrue(r.config.performance_insights_enabled)
        ? notApplicable
        : isSet(r.config.performance_insights_kms_key_id)
          ? pass
          : fail("Performance Insights data uses the AWS-managed key"),
  },
  attributeRule(
    {
      id: "CKV_AWS_211",
      checkov: "CKV_AWS_211",
      severity: "medium",
      resourceTypes: INSTANCE,
      description: "ca_cert_identifier, if set, is rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1.",
      fix: "Use rds-ca-rsa2048-g1 or newer.",
    },
    "ca_cert_identifier",
    (v) => v === undefined || ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"].includes(String(v)),
    "a current CA",
  ),
  {
    id: "CKV2_AWS_60",
    checkov: "CKV2_AWS_60",
    severity: "low",
    resourceTypes: INSTANCE,
    description:
      "copy_tags_to_snapshot = true, and engine is not neptune, aurora or docdb (Checkov's graph check fails those engines outright).",
    fix: "Set copy_tags_to_snapshot = true.",
    check: (r) => {
      if (["neptune", "aurora", "docdb"].includes(String(r.config.engine)))
        return fail(`engine ${r.config.engine} is not an RDS instance engine Checkov accepts here`);
      return isTrue(r.config.copy_tags_to_snapshot)
        ? pass
        : fail(`copy_tags_to_snapshot is ${r.config.copy_tags_to_snapshot ?? "not set"}`);
    },
  },
  {
    id: "CKV2_AWS_69",
    checkov: "CKV2_AWS_69",
    severity: "high",
    resourceTypes: INSTANCE,
    description:
      "A referenced parameter group forces TLS: rds.force_ssl=1 (postgres or sqlserver families), require_secure_transport=1 " +
      '(mysql/mariadb), db2comm=SSL (db2-ae). Checkov accepts only "1" for require_secure_transport, and so do we.',
    stricter: "Checkov: with no parameter group Checkov passes; we require one for PostgreSQL/MySQL.",
    fix: "Attach a parameter group with rds.force_ssl = 1 (PostgreSQL) or require_secure_transport = 1 (MySQL).",
    check: (r, g) => {
      const groups = g.referencedBy(r, "aws_db_parameter_group");
      const engine = String(r.config.engine ?? "");
      if (groups.length === 0) return /^(postgres|mysql|mariadb)/.test(engine) ? fail("no parameter group enforces TLS") : notApplicable;
      return groups.every((pg) => {
        const family = String(pg.config.family ?? "");
        if (/(^postgres|sqlserver)/.test(family)) return String(param(pg, "rds.force_ssl")) === "1";
        if (/^(mysql|mariadb)/.test(family)) return String(param(pg, "require_secure_transport")) === "1";
        if (family.includes("db2-ae")) return String(param(pg, "db2comm")) === "SSL";
        return true;
      })
        ? pass
        : fail("the parameter group does not force TLS");
    },
  },
  queryLoggingRule(
    {
      id: "CKV2_AWS_30",
      checkov: "CKV2_AWS_30",
      severity: "low",
      resourceTypes: INSTANCE,
      description: "A postgres instance's parameter group sets log_statement and log_min_duration_statement (query logging).",
      fix: "Add both parameters to the instance's parameter group.",
    },
    "postgres",
    "aws_db_parameter_group",
  ),
  {
    id: "CKV_AWS_250",
    checkov: "CKV_AWS_250",
    severity: "medium",
    resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
    description:
      "PostgreSQL engine_version is patched for the log_fdw extension: postgres >= 14, 13.3, 12.7, 11.12, 10.17 (9.6.22); " +
      "aurora-postgresql >= 12, 11.9, 10.14. A one-part major at or above the first patched major passes (every minor of it " +
      "has the fix; Checkov says UNKNOWN, which does not fail); other one-part versions are unknown.",
    fix: 'Set engine_version to a major of 14 or later ("16"; auto minor upgrades move the minor), or a patched minor such as 13.3.',
    check: (r) => {
      const engine = String(r.config.engine);
      if (!["postgres", "aurora-postgresql"].includes(engine)) return notApplicable;
      const aurora = engine === "aurora-postgresql";
      const v = String(r.config.engine_version ?? "");
      if (/^\d+$/.test(v) && Number(v) >= (aurora ? 12 : 14)) return pass;
      const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(v);
      if (!m) return unknown(`engine_version ${v || "not set"} has no minor version`);
      const [major, minor, patch] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
      const ok = aurora
        ? major >= 12 || (major === 11 && minor > 8) || (major === 10 && minor > 13)
        : major >= 14 ||
          (major === 13 && minor > 2) ||
          (major === 12 && minor > 6) ||
          (major === 11 && minor > 11) ||
          (major === 10 && minor > 16) ||
          (major === 9 && minor === 6 && patch !== undefined && patch > 21);
      return ok ? pass : fail(`engine_version ${v} lacks the log_fdw fix`);
    },
  },
  {
    id: "CKV_AWS_198",
    checkov: "CKV_AWS_198",
    severity: "medium",
    resourceTypes: ["aws_db_security_group"],
    description: "aws_db_security_group (EC2-Classic) must not be used.",
    fix: "Use a VPC security group.",
    check: () => fail("EC2-Classic DB security group"),
  },
  {
    id: "CKV_AWS_96",
    checkov: "CKV_AWS_96",
    severity: "high",
    resourceTypes: CLUSTER,
    description:
      "storage_encrypted = true; engine_mode serverless passes (Aurora Serverless v1 storage is always encrypted), as in Checkov.",
    fix: "Set storage_encrypted = true with kms_key_id.",
    check: (r) =>
      r.config.engine_mode === "serverless" || isTrue(r.config.storage_encrypted)
        ? pass
        : fail(`storage_encrypted is ${r.config.storage_encrypted ?? "not set"}; expected true`),
  },
  {
    id: "AWS-0079",
    trivy: ["AWS-0079", "aws-rds-encrypt-cluster-storage-data"],
    severity: "high",
    resourceTypes: CLUSTER,
    description: "storage_encrypted = true and a kms_key_id (customer-managed key), whatever the engine_mode, as Trivy checks it.",
    fix: "Set storage_encrypted = true and kms_key_id to the environment's CMK.",
    check: (r) =>
      !isTrue(r.config.storage_encrypted)
        ? fail(`storage_encrypted is ${r.config.storage_encrypted ?? "not set"}`)
        : isSet(r.config.kms_key_id)
          ? pass
          : fail("no kms_key_id (customer-managed key)"),
  },
  mustBeSet(
    {
      id: "CKV_AWS_327",
      checkov: "CKV_AWS_327",
      severity: "high",
      resourceTypes: CLUSTER,
      description: "kms_key_id is set (CMK).",
      fix: "Set kms_key_id to the environment's CMK.",
    },
    "kms_key_id",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_162",
      checkov: "CKV_AWS_162",
      severity: "medium",
      resourceTypes: CLUSTER,
      description: "iam_database_authentication_enabled = true.",
      fix: "Set iam_database_authentication_enabled = true.",
    },
    "iam_database_authentication_enabled",
  ),
  mustBeSet(
    {
      id: "CKV_AWS_324",
      checkov: "CKV_AWS_324",
      severity: "medium",
      resourceTypes: CLUSTER,
      description: "enabled_cloudwatch_logs_exports is non-empty.",
      fix: 'Export ["postgresql"] (aurora-postgresql).',
    },
    "enabled_cloudwatch_logs_exports",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_313",
      checkov: "CKV_AWS_313",
      severity: "low",
      resourceTypes: CLUSTER,
      description: "copy_tags_to_snapshot = true.",
      fix: "Set copy_tags_to_snapshot = true.",
    },
    "copy_tags_to_snapshot",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_139",
      checkov: "CKV_AWS_139",
      trivy: ["AWS-0343", "aws-rds-enable-cluster-deletion-protection"],
      severity: "medium",
      resourceTypes: CLUSTER,
      description: "deletion_protection = true.",
      fix: "Set deletion_protection = true.",
    },
    "deletion_protection",
  ),
  companionRule(
    {
      id: "CKV2_AWS_8",
      checkov: "CKV2_AWS_8",
      severity: "medium",
      resourceTypes: CLUSTER,
      description: "An aws_backup_selection references the cluster.",
      fix: "Add the cluster to an AWS Backup plan (aws_backup_selection.resources = [cluster.arn]).",
    },
    ["aws_backup_selection"],
    () => true,
    "the cluster is in no AWS Backup selection",
  ),
  queryLoggingRule(
    {
      id: "CKV2_AWS_27",
      checkov: "CKV2_AWS_27",
      severity: "low",
      resourceTypes: CLUSTER,
      description: "An aurora-postgresql cluster's cluster parameter group has log_statement and log_min_duration_statement.",
      fix: "Reference a cluster parameter group with both parameters.",
    },
    "aurora-postgresql",
    "aws_rds_cluster_parameter_group",
  ),
  mustBeSet(
    {
      id: "CKV_AWS_245",
      checkov: "CKV_AWS_245",
      severity: "medium",
      resourceTypes: ["aws_db_instance_automated_backups_replication"],
      description: "Replicated automated backups set kms_key_id.",
      fix: "Set kms_key_id to a CMK in the destination region.",
    },
    "kms_key_id",
  ),
  mustBeSet(
    {
      id: "CKV_AWS_246",
      checkov: "CKV_AWS_246",
      severity: "medium",
      resourceTypes: ["aws_rds_cluster_activity_stream"],
      description: "Database activity streams set kms_key_id.",
      fix: "Set kms_key_id to the CMK.",
    },
    "kms_key_id",
  ),
  {
    id: "CKV_AWS_140",
    checkov: "CKV_AWS_140",
    severity: "high",
    resourceTypes: ["aws_rds_global_cluster"],
    description: "storage_encrypted = true (unknown when created from source_db_cluster_identifier, which carries its own encryption).",
    fix: "Set storage_encrypted = true.",
    check: (r) =>
      isSet(r.config.source_db_cluster_identifier)
        ? unknown("encryption comes from the source cluster")
        : isTrue(r.config.storage_encrypted)
          ? pass
          : fail("global cluster storage is not encrypted"),
  },
  mustBeTrue(
    {
      id: "CKV_AWS_146",
      checkov: "CKV_AWS_146",
      severity: "high",
      resourceTypes: ["aws_db_cluster_snapshot"],
      description: "storage_encrypted = true.",
      fix: "Snapshot only encrypted clusters.",
    },
    "storage_encrypted",
  ),
  {
    id: "CKV_AWS_388",
    checkov: "CKV_AWS_388",
    severity: "medium",
    resourceTypes: INSTANCE,
    description: "aurora-postgresql engine_version is not one of 10.11-10.13 or 11.6-11.8 (unpatched).",
    fix: "Use a supported, patched version.",
    check: (r) =>
      r.config.engine !== "aurora-postgresql"
        ? notApplicable
        : ["10.11", "10.12", "10.13", "11.6", "11.7", "11.8"].includes(String(r.config.engine_version))
          ? fail(`engine_version ${r.config.engine_version} is unpatched`)
          : pass,
  },
  {
    id: "CKV_AWS_326",
    checkov: "CKV_AWS_326",
    severity: "low",
    resourceTypes: CLUSTER,
    description:
      "Aurora MySQL clusters (engine aurora, aurora-mysql, or unset: the provider's default is aurora) set a non-zero backtrack_window (PostgreSQL: not applicable).",
    fix: "Set backtrack_window (seconds) on aurora-mysql clusters.",
    check: (r) =>
      !["aurora", "aurora-mysql", "undefined"].includes(String(r.config.engine))
        ? notApplicable
        : Number(get(r.config, "backtrack_window") ?? 0) > 0
          ? pass
          : fail("backtrack_window is 0 or not set"),
  },
];
