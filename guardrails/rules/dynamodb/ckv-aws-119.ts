/**
 * CKV_AWS_119 (Checkov CKV_AWS_119; Trivy AWS-0025): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/DynamoDBTablesEncrypted.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/dynamodb/table_customer_key.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { get, isTrue } from "../helpers";
import { TABLE } from "./shared";

export const CKV_AWS_119: Rule = {
  id: "CKV_AWS_119",
  checkov: "CKV_AWS_119",
  trivy: ["AWS-0025", "aws-dynamodb-table-customer-key"],
  severity: "high",
  resourceTypes: TABLE,
  description: "server_side_encryption.enabled = true with a kms_key_arn that is not alias/aws/dynamodb.",
  stricter:
    "Checkov and Trivy: a kms_key_arn ending in alias/aws/dynamodb (the AWS-managed key's alias ARN) fails; Checkov passes any key, " +
    "Trivy only the exact string alias/aws/dynamodb.",
  fix: "`server_side_encryption { enabled = true, kms_key_arn = <CMK ARN> }` (LockTable does this).",
  check: (t) => {
    const key = get(t.config, "server_side_encryption.kms_key_arn");
    if (!isTrue(get(t.config, "server_side_encryption.enabled")) || !key) return fail("not encrypted with a customer-managed key");
    return String(key).endsWith("alias/aws/dynamodb") ? fail("uses the AWS-managed key alias/aws/dynamodb") : pass;
  },
};
