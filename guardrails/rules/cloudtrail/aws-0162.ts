/**
 * AWS-0162 (Trivy AWS-0162): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/cloudtrail/ensure_cloudwatch_integration.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { isSet } from "../helpers";
import { TRAIL } from "./shared";

export const AWS_0162: Rule = {
  id: "AWS-0162",
  trivy: ["AWS-0162", "aws-cloudtrail-ensure-cloudwatch-integration"],
  severity: "medium",
  resourceTypes: TRAIL,
  description: "Trivy's half of CKV2_AWS_10: cloud_watch_logs_group_arn is set (any value; no role or log group needed).",
  fix: '`cloud_watch_logs_group_arn`: the trail\'s log group ("${aws_cloudwatch_log_group.x.arn}:*") (Audit does this).',
  check: (t) => (isSet(t.config.cloud_watch_logs_group_arn) ? pass : fail("cloud_watch_logs_group_arn is not set")),
};
