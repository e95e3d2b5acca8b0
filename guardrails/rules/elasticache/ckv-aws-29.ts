/**
 * CKV_AWS_29 (Checkov CKV_AWS_29; Trivy AWS-0045): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElasticacheReplicationGroupEncryptionAtRest.py;
 * aquasecurity/trivy-checks/checks/cloud/aws/elasticache/enable_at_rest_encryption.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { RG } from "./shared";

export const CKV_AWS_29: Rule = mustBeTrue(
  {
    id: "CKV_AWS_29",
    checkov: "CKV_AWS_29",
    trivy: ["AWS-0045", "aws-elasticache-enable-at-rest-encryption"],
    severity: "high",
    resourceTypes: RG,
    description: "at_rest_encryption_enabled = true.",
    fix: "`at_rest_encryption_enabled = true` with `kms_key_id` (Cache does this).",
  },
  "at_rest_encryption_enabled",
);
