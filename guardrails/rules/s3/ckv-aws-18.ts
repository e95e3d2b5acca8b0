/**
 * CKV_AWS_18 (Checkov CKV_AWS_18): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3BucketLogging.yaml.
 */
import type { Rule } from "../../types";
import { blocks, companionRule } from "../helpers";
import { BUCKET } from "./shared";

export const CKV_AWS_18: Rule = companionRule(
  {
    id: "CKV_AWS_18",
    checkov: "CKV_AWS_18",
    severity: "medium",
    resourceTypes: BUCKET,
    description:
      "Bucket has server access logging: inline logging, or an aws_s3_bucket_logging " +
      "connected to it either way (a log target counts, as in Checkov's graph).",
    fix:
      "`aws_s3_bucket_logging` with `bucket` = this bucket and `target_bucket` = a log bucket " +
      "(SecureBucket's `logging` prop writes it).",
  },
  ["aws_s3_bucket_logging"],
  () => true,
  "no aws_s3_bucket_logging references this bucket",
  (b) => blocks(b.config.logging).length > 0,
);
