/**
 * CKV_AWS_17 (Checkov CKV_AWS_17; Trivy AWS-0180): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSPubliclyAccessible.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/rds/disable_public_access.rego.
 */
import type { Rule } from "../../types";
import { mustNotBeTrue } from "../helpers";
import { INSTANCES } from "./shared";

export const CKV_AWS_17: Rule = mustNotBeTrue(
  {
    id: "CKV_AWS_17",
    checkov: "CKV_AWS_17",
    trivy: ["AWS-0180", "aws-rds-enable-public-access"],
    severity: "critical",
    resourceTypes: INSTANCES,
    description: "publicly_accessible is not true.",
    fix: "`publicly_accessible = false` (Database does this).",
  },
  "publicly_accessible",
);
