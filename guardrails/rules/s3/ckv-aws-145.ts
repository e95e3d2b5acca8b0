/**
 * CKV_AWS_145 (Checkov CKV_AWS_145): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3KMSEncryptedByDefault.yaml.
 */
import type { Rule } from "../../types";
import { all, companionRule, get } from "../helpers";
import { BUCKET, sseRules } from "./shared";

export const CKV_AWS_145: Rule = companionRule(
  {
    id: "CKV_AWS_145",
    checkov: "CKV_AWS_145",
    severity: "high",
    resourceTypes: BUCKET,
    description:
      "Default encryption is aws:kms (inline, or in a connected " +
      "aws_s3_bucket_server_side_encryption_configuration); the key is not inspected.",
    fix:
      '`sse_algorithm = "aws:kms"` with `kms_master_key_id` = the environment\'s CMK ARN, in the ' +
      "bucket's SSE configuration (SecureBucket does this).",
  },
  ["aws_s3_bucket_server_side_encryption_configuration"],
  (c) => sseRules(c.config).some((r) => get(r, "apply_server_side_encryption_by_default.sse_algorithm") === "aws:kms"),
  "no SSE-KMS (aws:kms) rule",
  (b) =>
    all(b.config, "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm").includes("aws:kms"),
);
