/** DynamoDB: scanner-rules.md §2.5. */
import { fail, pass, type Rule } from "../types";
import { get, isTrue, mustBeTrue } from "./helpers";

const TABLE = ["aws_dynamodb_table"];

export const dynamodbRules: Rule[] = [
  mustBeTrue({ id: "CKV_AWS_28", checkov: "CKV_AWS_28", trivy: ["AWS-0024", "aws-dynamodb-enable-recovery"], severity: "medium", resourceTypes: TABLE, description: "point_in_time_recovery.enabled = true.", fix: "Set point_in_time_recovery { enabled = true }." }, "point_in_time_recovery.enabled"),
  {
    id: "CKV_AWS_119", checkov: "CKV_AWS_119", trivy: ["AWS-0025", "aws-dynamodb-table-customer-key"], severity: "high", resourceTypes: TABLE,
    description: "server_side_encryption.enabled = true with a kms_key_arn that is not alias/aws/dynamodb.",
    fix: "Set server_side_encryption { enabled = true, kms_key_arn = <CMK arn> }.",
    check: (t) => {
      const key = get(t.config, "server_side_encryption.kms_key_arn");
      if (!isTrue(get(t.config, "server_side_encryption.enabled")) || !key) return fail("not encrypted with a customer-managed key");
      return String(key).endsWith("alias/aws/dynamodb") ? fail("uses the AWS-managed key alias/aws/dynamodb") : pass;
    },
  },
  {
    id: "CKV2_AWS_16", checkov: "CKV2_AWS_16", severity: "low", resourceTypes: TABLE,
    description: "On-demand (PAY_PER_REQUEST), or provisioned with an autoscaling target and policy.",
    fix: "Use billing_mode = \"PAY_PER_REQUEST\".",
    check: (t, g) => (t.config.billing_mode === "PAY_PER_REQUEST" || g.referencing(t, "aws_appautoscaling_target").length > 0 ? pass : fail("provisioned capacity without autoscaling")),
  },
  { id: "CKV_AWS_271", checkov: "CKV_AWS_271", severity: "medium", resourceTypes: ["aws_dynamodb_table_replica"], description: "Replicas set kms_key_arn.", fix: "Set kms_key_arn on the replica.", check: (r) => (r.config.kms_key_arn ? pass : fail("replica without a CMK")) },
];
