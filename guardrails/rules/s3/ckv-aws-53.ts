/**
 * CKV_AWS_53 (Checkov CKV_AWS_53; Trivy AWS-0086): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3BlockPublicACLs.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/s3/block_public_acls.rego.
 */
import type { Rule } from "../../types";
import { publicAccessBlockRule } from "./shared";

export const CKV_AWS_53: Rule = publicAccessBlockRule(
  {
    id: "CKV_AWS_53",
    checkov: "CKV_AWS_53",
    trivy: ["AWS-0086", "aws-s3-block-public-acls"],
    severity: "high",
    description: "block_public_acls = true.",
    fix: "`block_public_acls = true` (SecureBucket sets all four).",
  },
  "block_public_acls",
);
