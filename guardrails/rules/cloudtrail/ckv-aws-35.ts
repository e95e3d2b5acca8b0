/**
 * CKV_AWS_35 (Checkov CKV_AWS_35; Trivy AWS-0015): kms_key_id is set.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudtrailEncryptionWithCMK.py;
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
    fix: "Encrypt the trail with the CMK (key policy allows cloudtrail.amazonaws.com).",
  },
  "kms_key_id",
);
