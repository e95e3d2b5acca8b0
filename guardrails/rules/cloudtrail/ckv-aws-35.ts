/**
 * CKV_AWS_35 (Checkov CKV_AWS_35; Trivy AWS-0015): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudtrailEncryptionWithCMK.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/cloudtrail/encryption_customer_key.rego.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";
import { TRAIL } from "./shared";

export const CKV_AWS_35: Rule = mustBeSet(
  {
    id: "CKV_AWS_35",
    checkov: "CKV_AWS_35",
    trivy: ["AWS-0015", "aws-cloudtrail-encryption-customer-managed-key"],
    severity: "high",
    resourceTypes: TRAIL,
    description: "kms_key_id is set.",
    fix: "`kms_key_id`: the CMK; its key policy must allow cloudtrail.amazonaws.com (Audit does this).",
  },
  "kms_key_id",
);
