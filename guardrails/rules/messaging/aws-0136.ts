/**
 * AWS-0136 (Trivy AWS-0136): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/sns/topic_encryption_with_cmk.rego.
 */
import { fail, pass, type Rule } from "../../types";

export const AWS_0136: Rule = {
  id: "AWS-0136",
  trivy: ["AWS-0136", "aws-sns-topic-encryption-use-cmk"],
  severity: "high",
  resourceTypes: ["aws_sns_topic"],
  description: "kms_master_key_id is not alias/aws/sns.",
  fix: "`kms_master_key_id`: a customer-managed key, not alias/aws/sns (EncryptedTopic does this).",
  check: (t) => (t.config.kms_master_key_id === "alias/aws/sns" ? fail("AWS-managed key") : pass),
};
