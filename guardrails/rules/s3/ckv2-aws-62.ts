/**
 * CKV2_AWS_62 (Checkov CKV2_AWS_62): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3BucketEventNotifications.yaml.
 */
import type { Rule } from "../../types";
import { companionRule } from "../helpers";
import { BUCKET } from "./shared";

export const CKV2_AWS_62: Rule = companionRule(
  {
    id: "CKV2_AWS_62",
    checkov: "CKV2_AWS_62",
    severity: "low",
    resourceTypes: BUCKET,
    description: "An aws_s3_bucket_notification references the bucket (contents not inspected).",
    fix:
      "`aws_s3_bucket_notification` with `bucket` = this bucket, e.g. `eventbridge = true` " +
      "(SecureBucket's eventBridgeNotifications, default true).",
  },
  ["aws_s3_bucket_notification"],
  () => true,
  "no aws_s3_bucket_notification references this bucket",
);
