/**
 * CKV_AWS_54 (Checkov CKV_AWS_54; Trivy AWS-0087): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3BlockPublicPolicy.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/s3/block_public_policy.rego.
 */
import type { Rule } from "../../types";
import { publicAccessBlockRule } from "./shared";

export const CKV_AWS_54: Rule = publicAccessBlockRule(
  {
    id: "CKV_AWS_54",
    checkov: "CKV_AWS_54",
    trivy: ["AWS-0087", "aws-s3-block-public-policy"],
    severity: "high",
    description: "block_public_policy = true.",
    fix: "`block_public_policy = true` (SecureBucket sets all four).",
  },
  "block_public_policy",
);
