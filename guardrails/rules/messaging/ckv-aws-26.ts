/**
 * CKV_AWS_26 (Checkov CKV_AWS_26; Trivy AWS-0095): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SNSTopicEncryption.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/sns/enable_topic_encryption.rego.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";

export const CKV_AWS_26: Rule = mustBeSet(
  {
    id: "CKV_AWS_26",
    checkov: "CKV_AWS_26",
    trivy: ["AWS-0095", "aws-sns-enable-topic-encryption"],
    severity: "high",
    resourceTypes: ["aws_sns_topic"],
    description: "kms_master_key_id is set.",
    fix: "`kms_master_key_id`: the CMK; its key policy must allow cloudwatch.amazonaws.com for alarms (EncryptedTopic does this).",
  },
  "kms_master_key_id",
);
