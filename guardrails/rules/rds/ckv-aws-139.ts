/**
 * CKV_AWS_139 (Checkov CKV_AWS_139; Trivy AWS-0343): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSDeletionProtection.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/rds/enable_cluster_deletion_protection.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { CLUSTER } from "./shared";

export const CKV_AWS_139: Rule = mustBeTrue(
  {
    id: "CKV_AWS_139",
    checkov: "CKV_AWS_139",
    trivy: ["AWS-0343", "aws-rds-enable-cluster-deletion-protection"],
    severity: "medium",
    resourceTypes: CLUSTER,
    description: "deletion_protection = true.",
    fix: "`deletion_protection = true` (the prod preset does this).",
  },
  "deletion_protection",
);
