/**
 * CKV_AWS_56 (Checkov CKV_AWS_56; Trivy AWS-0093): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3RestrictPublicBuckets.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/s3/no_public_buckets.rego.
 */
import type { Rule } from "../../types";
import { publicAccessBlockRule } from "./shared";

export const CKV_AWS_56: Rule = publicAccessBlockRule(
  {
    id: "CKV_AWS_56",
    checkov: "CKV_AWS_56",
    trivy: ["AWS-0093", "aws-s3-no-public-buckets"],
    severity: "high",
    description: "restrict_public_buckets = true.",
    fix: "`restrict_public_buckets = true` (SecureBucket sets all four).",
  },
  "restrict_public_buckets",
);
