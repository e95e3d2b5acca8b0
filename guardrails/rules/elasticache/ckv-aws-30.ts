/**
 * CKV_AWS_30 (Checkov CKV_AWS_30; Trivy AWS-0051): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElasticacheReplicationGroupEncryptionAtTransit.py;
 * aquasecurity/trivy-checks/checks/cloud/aws/elasticache/enable_in_transit_encryption.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { RG } from "./shared";

export const CKV_AWS_30: Rule = mustBeTrue(
  {
    id: "CKV_AWS_30",
    checkov: "CKV_AWS_30",
    trivy: ["AWS-0051", "aws-elasticache-enable-in-transit-encryption"],
    severity: "high",
    resourceTypes: RG,
    description: "transit_encryption_enabled = true.",
    fix: "`transit_encryption_enabled = true` (Cache does this).",
  },
  "transit_encryption_enabled",
);
