/**
 * CKV2_AWS_73 (Checkov CKV2_AWS_73): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/SQSEncryptionCMK.yaml.
 */
import { fail, pass, type Rule } from "../../types";

export const CKV2_AWS_73: Rule = {
  id: "CKV2_AWS_73",
  checkov: "CKV2_AWS_73",
  severity: "medium",
  resourceTypes: ["aws_sqs_queue"],
  description: "kms_master_key_id is not alias/aws/sqs (Checkov passes a queue without one; AWS-0135 requires a customer-managed key).",
  fix: "`kms_master_key_id`: a customer-managed key, not alias/aws/sqs.",
  check: (q) => (q.config.kms_master_key_id === "alias/aws/sqs" ? fail("the AWS-managed key alias/aws/sqs") : pass),
};
