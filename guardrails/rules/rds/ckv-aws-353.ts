/**
 * CKV_AWS_353 (Checkov CKV_AWS_353; Trivy AWS-0133): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSInstancePerformanceInsights.py;
 * aquasecurity/trivy-checks/checks/cloud/aws/rds/enable_performance_insights.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { INSTANCES } from "./shared";

export const CKV_AWS_353: Rule = {
  id: "CKV_AWS_353",
  checkov: "CKV_AWS_353",
  trivy: ["AWS-0133", "aws-rds-enable-performance-insights"],
  severity: "low",
  resourceTypes: INSTANCES,
  description: "performance_insights_enabled = true (Checkov: unknown for mysql/mariadb on micro/small classes).",
  fix: "`performance_insights_enabled = true` with `performance_insights_kms_key_id` (Database does this).",
  check: (r) => {
    if (/^(mysql|mariadb)/.test(String(r.config.engine)) && /\.(micro|small)$/.test(String(r.config.instance_class))) return notApplicable;
    return isTrue(r.config.performance_insights_enabled) ? pass : fail("Performance Insights is off");
  },
};
