/**
 * CKV_AWS_129 (Checkov CKV_AWS_129): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/DBInstanceLogging.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";
import { INSTANCE } from "./shared";

export const CKV_AWS_129: Rule = mustBeSet(
  {
    id: "CKV_AWS_129",
    checkov: "CKV_AWS_129",
    severity: "medium",
    resourceTypes: INSTANCE,
    description: "enabled_cloudwatch_logs_exports is a non-empty list.",
    fix:
      "`enabled_cloudwatch_logs_exports`: postgresql and upgrade (PostgreSQL) or audit, error, general " +
      "and slowquery (MySQL) (Database does this).",
  },
  "enabled_cloudwatch_logs_exports",
);
