/**
 * CKV_AWS_293 (Checkov CKV_AWS_293; Trivy AWS-0177): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSInstanceDeletionProtection.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/rds/enable_deletion_protection.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { INSTANCE } from "./shared";

export const CKV_AWS_293: Rule = mustBeTrue(
  {
    id: "CKV_AWS_293",
    checkov: "CKV_AWS_293",
    trivy: ["AWS-0177", "aws-rds-enable-deletion-protection"],
    severity: "medium",
    resourceTypes: INSTANCE,
    description: "deletion_protection = true.",
    fix: "`deletion_protection = true` (the prod preset does this).",
  },
  "deletion_protection",
);
