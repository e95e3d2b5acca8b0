/**
 * CKV2_AWS_10 (Checkov CKV2_AWS_10): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/CloudtrailHasCloudwatch.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { isSet } from "../helpers";
import { TRAIL } from "./shared";

export const CKV2_AWS_10: Rule = {
  id: "CKV2_AWS_10",
  checkov: "CKV2_AWS_10",
  severity: "medium",
  resourceTypes: TRAIL,
  description:
    "cloud_watch_logs_group_arn is set and the trail is connected to an aws_cloudwatch_log_group " +
    "(a reference either way); the role is not inspected, as in Checkov.",
  fix: "`cloud_watch_logs_group_arn` and `cloud_watch_logs_role_arn`: deliver the trail to a KMS-encrypted log group (Audit does this).",
  check: (t, g) =>
    isSet(t.config.cloud_watch_logs_group_arn) && g.connected(t, "aws_cloudwatch_log_group").length > 0
      ? pass
      : fail("not delivered to CloudWatch Logs"),
};
