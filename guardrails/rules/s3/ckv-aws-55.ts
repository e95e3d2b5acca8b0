/**
 * CKV_AWS_55 (Checkov CKV_AWS_55; Trivy AWS-0091): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3IgnorePublicACLs.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/s3/ignore_public_acls.rego.
 */
import type { Rule } from "../../types";
import { publicAccessBlockRule } from "./shared";

export const CKV_AWS_55: Rule = publicAccessBlockRule(
  {
    id: "CKV_AWS_55",
    checkov: "CKV_AWS_55",
    trivy: ["AWS-0091", "aws-s3-ignore-public-acls"],
    severity: "high",
    description: "ignore_public_acls = true.",
    fix: "`ignore_public_acls = true` (SecureBucket sets all four).",
  },
  "ignore_public_acls",
);
