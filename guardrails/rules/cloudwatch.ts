/** CloudWatch Logs and alarms: scanner-rules.md §2.12. */
import { fail, pass, unknown, type Rule } from "../types";
import { isFalse, mustBeSet } from "./helpers";

const LOG_GROUP = ["aws_cloudwatch_log_group"];

export const cloudwatchRules: Rule[] = [
  mustBeSet({ id: "CKV_AWS_158", checkov: "CKV_AWS_158", trivy: ["AWS-0017", "aws-cloudwatch-log-group-customer-key"], severity: "medium", resourceTypes: LOG_GROUP, description: "kms_key_id is set (the key policy must allow logs.<region>.amazonaws.com).", fix: "Set kms_key_id to the environment's CMK." }, "kms_key_id"),
  mustBeSet({ id: "CKV_AWS_66", checkov: "CKV_AWS_66", severity: "low", resourceTypes: LOG_GROUP, description: "retention_in_days is set.", fix: "Set retention_in_days from the preset." }, "retention_in_days"),
  {
    id: "CKV_AWS_338", checkov: "CKV_AWS_338", severity: "low", resourceTypes: LOG_GROUP,
    description: "retention_in_days is an integer >= 365, or 0 (never expire).", fix: "Keep logs at least 365 days (presets do).",
    check: (r) => { const v = r.config.retention_in_days; if (typeof v !== "number") return v === undefined ? fail("retention not set") : unknown(`retention_in_days is ${v}`); return v === 0 || v >= 365 ? pass : fail(`retention_in_days is ${v}`); },
  },
  { id: "CKV_AWS_319", checkov: "CKV_AWS_319", severity: "low", resourceTypes: ["aws_cloudwatch_metric_alarm"], description: "actions_enabled is not false.", fix: "Remove actions_enabled = false.", check: (r) => (isFalse(r.config.actions_enabled) ? fail("alarm actions are disabled") : pass) },
];
