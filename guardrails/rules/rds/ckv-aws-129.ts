/**
 * CKV_AWS_129 (Checkov CKV_AWS_129): enabled_cloudwatch_logs_exports is a non-empty list.
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
    fix: "Export postgresql+upgrade (PostgreSQL) or audit+error+general+slowquery (MySQL).",
  },
  "enabled_cloudwatch_logs_exports",
);
