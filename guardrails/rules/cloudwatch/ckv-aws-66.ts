/**
 * CKV_AWS_66 (Checkov CKV_AWS_66): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudWatchLogGroupRetention.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";
import { LOG_GROUP } from "./shared";

export const CKV_AWS_66: Rule = mustBeSet(
  {
    id: "CKV_AWS_66",
    checkov: "CKV_AWS_66",
    severity: "low",
    resourceTypes: LOG_GROUP,
    description: "retention_in_days is set.",
    fix: "`retention_in_days`: set it (LogGroup takes it from the preset).",
  },
  "retention_in_days",
);
