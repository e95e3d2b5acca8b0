/**
 * AWS-0077 (Trivy AWS-0077): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/rds/specify_backup_retention.rego.
 */
import { fail, notApplicable, pass, type Rule, unknown } from "../../types";
import { isSet } from "../helpers";

export const AWS_0077: Rule = {
  id: "AWS-0077",
  trivy: ["AWS-0077", "aws-rds-specify-backup-retention"],
  severity: "medium",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  description:
    "backup_retention_period is set and 2-35 (Trivy fails below 2, and unset is AWS's default 1). Skipped, as Trivy's adapter " +
    "does: an instance whose replicate_source_db references an instance in the configuration (a literal ARN, a cross-region " +
    "replica, is judged), and a cluster with replication_source_identifier.",
  fix: "`backup_retention_period`: 7-35 days, set explicitly (the presets do).",
  check: (r, g) => {
    const source = r.type === "aws_db_instance" ? g.resolveRef(r.config.replicate_source_db) : r.config.replication_source_identifier;
    if (isSet(source)) return notApplicable;
    const v = r.config.backup_retention_period;
    if (typeof v === "string" && v.includes("${")) return unknown(`backup_retention_period is ${v}`);
    return typeof v === "number" && v >= 2 && v <= 35 ? pass : fail(`backup_retention_period is ${v ?? "not set"}`);
  },
};
