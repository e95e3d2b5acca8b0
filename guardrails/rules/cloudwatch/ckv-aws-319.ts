/**
 * CKV_AWS_319 (Checkov CKV_AWS_319): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudWatchAlarmsEnabled.py.
 */
import { fail, pass, type Rule } from "../../types";
import { isFalse } from "../helpers";

export const CKV_AWS_319: Rule = {
  id: "CKV_AWS_319",
  checkov: "CKV_AWS_319",
  severity: "low",
  resourceTypes: ["aws_cloudwatch_metric_alarm"],
  description: "actions_enabled is not false.",
  fix: "`actions_enabled`: remove `false`.",
  check: (r) => (isFalse(r.config.actions_enabled) ? fail("alarm actions are disabled") : pass),
};
