/**
 * CKV_AWS_28 (Checkov CKV_AWS_28; Trivy AWS-0024): point_in_time_recovery.enabled = true.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/DynamodbRecovery.py;
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
    fix: "Set point_in_time_recovery { enabled = true }.",
  },
  "point_in_time_recovery.enabled",
);
