/**
 * CKV_AWS_133 (Checkov CKV_AWS_133): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/DBInstanceBackupRetentionPeriod.py.
 */
import { fail, pass, type Rule, unknown } from "../../types";

export const CKV_AWS_133: Rule = {
  id: "CKV_AWS_133",
  checkov: "CKV_AWS_133",
  severity: "medium",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  description:
    "backup_retention_period, where set, is 1-35; unset passes (AWS's default is 1), as in Checkov. AWS-0077 asks for 2 or more.",
  fix: "`backup_retention_period`: 7-35 days, set explicitly (the presets do).",
  check: (r) => {
    const v = r.config.backup_retention_period;
    if (v === undefined) return pass;
    if (typeof v === "string" && v.includes("${")) return unknown(`backup_retention_period is ${v}`);
    const n = Number(v);
    return Number.isInteger(n) && n > 0 && n <= 35 ? pass : fail(`backup_retention_period is ${JSON.stringify(v)}; expected 1-35`);
  },
};
