/**
 * CKV_AWS_354 (Checkov CKV_AWS_354; Trivy AWS-0078): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSInstancePerfInsightsEncryptionWithCMK.py;
 * aquasecurity/trivy-checks/checks/cloud/aws/rds/performance_insights_encryption_customer_key.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { isSet, isTrue } from "../helpers";
import { INSTANCES } from "./shared";

export const CKV_AWS_354: Rule = {
  id: "CKV_AWS_354",
  checkov: "CKV_AWS_354",
  trivy: ["AWS-0078", "aws-rds-performance-insights-encryption-customer-key"],
  severity: "medium",
  resourceTypes: INSTANCES,
  description: "Where Performance Insights is on, performance_insights_kms_key_id is set.",
  fix: "`performance_insights_kms_key_id`: the environment's CMK ARN (Database does this).",
  check: (r) =>
    !isTrue(r.config.performance_insights_enabled)
      ? notApplicable
      : isSet(r.config.performance_insights_kms_key_id)
        ? pass
        : fail("Performance Insights data uses the AWS-managed key"),
};
