/**
 * CKV2_AWS_6 (Checkov CKV2_AWS_6; Trivy AWS-0094): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3BucketHasPublicAccessBlock.yaml;
 * aquasecurity/trivy-checks/checks/cloud/aws/s3/specify_public_access_block.rego.
 */
import type { Rule } from "../../types";
import { companionRule, isTrue } from "../helpers";
import { BUCKET, PAB } from "./shared";

export const CKV2_AWS_6: Rule = companionRule(
  {
    id: "CKV2_AWS_6",
    checkov: "CKV2_AWS_6",
    trivy: ["AWS-0094", "aws-s3-specify-public-access-block"],
    severity: "high",
    resourceTypes: BUCKET,
    description:
      "The bucket has its own public access block with block_public_acls and block_public_policy (an account-level block does " +
      "not count).",
    fix: "`aws_s3_bucket_public_access_block` with `bucket` = this bucket and all four settings true (SecureBucket does this).",
  },
  PAB,
  (p) => isTrue(p.config.block_public_acls) && isTrue(p.config.block_public_policy),
  "no public access block blocking public ACLs and policies",
);
