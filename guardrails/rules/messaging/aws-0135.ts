/**
 * AWS-0135 (Trivy AWS-0135): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/sqs/queue_encryption_with_cmk.rego.
 */
import { fail, pass, type Rule } from "../../types";

export const AWS_0135: Rule = {
  id: "AWS-0135",
  trivy: ["AWS-0135", "aws-sqs-queue-encryption-use-cmk"],
  severity: "medium",
  resourceTypes: ["aws_sqs_queue"],
  description: "A customer-managed key: kms_master_key_id is set and not alias/aws/sqs.",
  stricter: "Trivy: only kms_master_key_id = alias/aws/sqs fails there; a queue with no key or SQS-managed encryption fails here too.",
  fix: "`kms_master_key_id`: a customer-managed key, not alias/aws/sqs.",
  check: (q) => (q.config.kms_master_key_id && q.config.kms_master_key_id !== "alias/aws/sqs" ? pass : fail("no customer-managed key")),
};
