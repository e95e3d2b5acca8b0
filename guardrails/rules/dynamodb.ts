/** DynamoDB: scanner-rules.md §2.5. */
import { fail, pass, type Rule } from "../types";
import { get, isTrue, mustBeTrue } from "./helpers";

const TABLE = ["aws_dynamodb_table"];

export const dynamodbRules: Rule[] = [
  mustBeTrue(
    {
      id: "CKV_AWS_28",
      checkov: "CKV_AWS_28",
      trivy: ["AWS-0024", "aws-dynamodb-enable-recovery"],
      severity: "medium",
      resourceTypes: TABLE,
      description: "point_in_time_recovery.enabled = true.",
      fix: "Set point_in_time_recovery { enabled = true }.",
    },
    "point_in_time_recovery.enabled",
  ),
  {
    id: "CKV_AWS_119",
    checkov: "CKV_AWS_119",
    trivy: ["AWS-0025", "aws-dynamodb-table-customer-key"],
    severity: "high",
    resourceTypes: TABLE,
    description: "server_side_encryption.enabled = true with a kms_key_arn that is not alias/aws/dynamodb.",
    fix: "Set server_side_encryption { enabled = true, kms_key_arn = <CMK arn> }.",
    check: (t) => {
      const key = get(t.config, "server_side_encryption.kms_key_arn");
      if (!isTrue(get(t.config, "server_side_encryption.enabled")) || !key) return fail("not encrypted with a customer-managed key");
      return String(key).endsWith("alias/aws/dynamodb") ? fail("uses the AWS-managed key alias/aws/dynamodb") : pass;
    },
  },
  {
    id: "CKV2_AWS_16",
    checkov: "CKV2_AWS_16",
    severity: "low",
    resourceTypes: TABLE,
    description:
      "On-demand (PAY_PER_REQUEST), or provisioned with a connected dynamodb aws_appautoscaling_target that an " +
        "aws_appautoscaling_policy is connected to.",
    fix: 'Use billing_mode = "PAY_PER_REQUEST", or add an autoscaling target and policy.',
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
  },
  {
    id: "CKV_AWS_271",
    checkov: "CKV_AWS_271",
    severity: "medium",
    resourceTypes: ["aws_dynamodb_table_replica"],
    description: "Replicas set kms_key_arn.",
    fix: "Set kms_key_arn on the replica.",
    check: (r) => (r.config.kms_key_arn ? pass : fail("replica without a CMK")),
  },
];
