/**
 * CKV2_AWS_65 (Checkov CKV2_AWS_65): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/AWSdisableS3ACL.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";

export const CKV2_AWS_65: Rule = {
  id: "CKV2_AWS_65",
  checkov: "CKV2_AWS_65",
  severity: "medium",
  resourceTypes: ["aws_s3_bucket_ownership_controls"],
  description: "Object ownership is BucketOwnerEnforced (ACLs disabled).",
  fix: '`rule.object_ownership = "BucketOwnerEnforced"` (SecureBucket does this).',
  check: (o) =>
    get(o.config, "rule.object_ownership") === "BucketOwnerEnforced"
      ? pass
      : fail(`object_ownership is ${get(o.config, "rule.object_ownership")}`),
};
