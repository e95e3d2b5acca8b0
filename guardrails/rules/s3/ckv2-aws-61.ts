/**
 * CKV2_AWS_61 (Checkov CKV2_AWS_61): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3BucketLifecycle.yaml.
 */
import type { Rule } from "../../types";
import { blocks, companionRule } from "../helpers";
import { BUCKET } from "./shared";

export const CKV2_AWS_61: Rule = companionRule(
  {
    id: "CKV2_AWS_61",
    checkov: "CKV2_AWS_61",
    severity: "low",
    resourceTypes: BUCKET,
    description: "A lifecycle configuration references the bucket (or an inline lifecycle_rule exists).",
    fix: "`aws_s3_bucket_lifecycle_configuration` with `bucket` = this bucket (SecureBucket always adds one).",
  },
  ["aws_s3_bucket_lifecycle_configuration"],
  () => true,
  "no lifecycle configuration",
  (b) => blocks(b.config.lifecycle_rule).length > 0,
);
