/**
 * CKV_AWS_21 (Checkov CKV_AWS_21; Trivy AWS-0090): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3BucketVersioning.yaml;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/s3/enable_versioning.rego.
 */
import type { Rule } from "../../types";
import { companionRule, get, isTrue } from "../helpers";
import { BUCKET } from "./shared";

export const CKV_AWS_21: Rule = companionRule(
  {
    id: "CKV_AWS_21",
    checkov: "CKV_AWS_21",
    trivy: ["AWS-0090", "aws-s3-enable-versioning"],
    severity: "medium",
    resourceTypes: BUCKET,
    description: "Versioning is Enabled (inline or in an aws_s3_bucket_versioning referencing the bucket); Suspended fails.",
    fix: '`versioning_configuration.status = "Enabled"` in an aws_s3_bucket_versioning of the bucket (SecureBucket does this).',
  },
  ["aws_s3_bucket_versioning"],
  (v) => get(v.config, "versioning_configuration.status") === "Enabled",
  "versioning is not Enabled",
  (b) => isTrue(get(b.config, "versioning.enabled")),
);
