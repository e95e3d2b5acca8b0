/**
 * CKV_AWS_28 (Checkov CKV_AWS_28; Trivy AWS-0024): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/DynamodbRecovery.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/dynamodb/enable_recovery.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { TABLE } from "./shared";

export const CKV_AWS_28: Rule = mustBeTrue(
  {
    id: "CKV_AWS_28",
    checkov: "CKV_AWS_28",
    trivy: ["AWS-0024", "aws-dynamodb-enable-recovery"],
    severity: "medium",
    resourceTypes: TABLE,
    description: "point_in_time_recovery.enabled = true.",
    fix: "`point_in_time_recovery { enabled = true }` (LockTable does this).",
  },
  "point_in_time_recovery.enabled",
);
