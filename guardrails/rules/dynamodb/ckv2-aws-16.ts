/**
 * CKV2_AWS_16 (Checkov CKV2_AWS_16): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/AutoScalingEnableOnDynamoDBTables.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { TABLE } from "./shared";

export const CKV2_AWS_16: Rule = {
  id: "CKV2_AWS_16",
  checkov: "CKV2_AWS_16",
  severity: "low",
  resourceTypes: TABLE,
  description:
    "On-demand (PAY_PER_REQUEST), or provisioned with a connected dynamodb aws_appautoscaling_target that an " +
    "aws_appautoscaling_policy is connected to.",
  fix: '`billing_mode = "PAY_PER_REQUEST"` (LockTable does this), or an aws_appautoscaling_target and policy for the table.',
  check: (t, g) => {
    if (t.config.billing_mode === "PAY_PER_REQUEST") return pass;
    if (t.config.billing_mode !== undefined && t.config.billing_mode !== "PROVISIONED")
      return fail(`billing_mode ${t.config.billing_mode}`);
    const targets = g.connected(t, "aws_appautoscaling_target").filter((a) => a.config.service_namespace === "dynamodb");
    if (targets.length === 0) return fail("provisioned capacity without autoscaling");
    return targets.some((a) => g.connected(a, "aws_appautoscaling_policy").length > 0)
      ? pass
      : fail("the autoscaling target has no scaling policy");
  },
};
