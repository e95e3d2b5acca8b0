/**
 * CKV_AWS_27 (Checkov CKV_AWS_27; Trivy AWS-0096): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SQSQueueEncryption.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/sqs/enable_queue_encryption.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";

export const CKV_AWS_27: Rule = {
  id: "CKV_AWS_27",
  checkov: "CKV_AWS_27",
  trivy: ["AWS-0096", "aws-sqs-enable-queue-encryption"],
  severity: "high",
  resourceTypes: ["aws_sqs_queue"],
  description: "sqs_managed_sse_enabled or kms_master_key_id.",
  fix: "`kms_master_key_id`: the CMK (or at least `sqs_managed_sse_enabled = true`).",
  check: (q) => (isTrue(q.config.sqs_managed_sse_enabled) || q.config.kms_master_key_id ? pass : fail("queue is not encrypted")),
};
