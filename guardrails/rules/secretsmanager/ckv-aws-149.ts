/**
 * CKV_AWS_149 (Checkov CKV_AWS_149; Trivy AWS-0098): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SecretManagerSecretEncrypted.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ssm/secret_use_customer_key.rego.
 */
import { fail, pass, type Rule } from "../../types";

export const CKV_AWS_149: Rule = {
  id: "CKV_AWS_149",
  checkov: "CKV_AWS_149",
  trivy: ["AWS-0098", "aws-ssm-secret-use-customer-key"],
  severity: "high",
  resourceTypes: ["aws_secretsmanager_secret"],
  description: "kms_key_id is set and not an aws/ managed key.",
  fix: "`kms_key_id`: the environment's CMK ARN, not an aws/ managed key (AppSecret does this).",
  check: (s) => (s.config.kms_key_id && !String(s.config.kms_key_id).includes("aws/") ? pass : fail("secret uses the AWS-managed key")),
};
