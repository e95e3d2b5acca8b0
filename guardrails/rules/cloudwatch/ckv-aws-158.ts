/**
 * CKV_AWS_158 (Checkov CKV_AWS_158; Trivy AWS-0017): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudWatchLogGroupKMSKey.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/cloudwatch/log_group_customer_key.rego.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";
import { LOG_GROUP } from "./shared";

export const CKV_AWS_158: Rule = mustBeSet(
  {
    id: "CKV_AWS_158",
    checkov: "CKV_AWS_158",
    trivy: ["AWS-0017", "aws-cloudwatch-log-group-customer-key"],
    severity: "medium",
    resourceTypes: LOG_GROUP,
    description: "kms_key_id is set (the key policy must allow logs.<region>.amazonaws.com).",
    fix: "`kms_key_id`: the environment's CMK ARN; its key policy must allow logs.<region>.amazonaws.com (LogGroup does this).",
  },
  "kms_key_id",
);
