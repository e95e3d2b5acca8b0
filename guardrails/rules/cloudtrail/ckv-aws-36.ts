/**
 * CKV_AWS_36 (Checkov CKV_AWS_36; Trivy AWS-0016): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudtrailLogValidation.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/cloudtrail/enable_log_validation.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { TRAIL } from "./shared";

export const CKV_AWS_36: Rule = mustBeTrue(
  {
    id: "CKV_AWS_36",
    checkov: "CKV_AWS_36",
    trivy: ["AWS-0016", "aws-cloudtrail-enable-log-validation"],
    severity: "high",
    resourceTypes: TRAIL,
    description: "enable_log_file_validation = true.",
    fix: "`enable_log_file_validation = true` (Audit does this).",
  },
  "enable_log_file_validation",
);
