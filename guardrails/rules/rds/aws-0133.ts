/**
 * AWS-0133 (Trivy AWS-0133): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/rds/enable_performance_insights.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { INSTANCES } from "./shared";

export const AWS_0133: Rule = mustBeTrue(
  {
    id: "AWS-0133",
    trivy: ["AWS-0133", "aws-rds-enable-performance-insights"],
    severity: "low",
    resourceTypes: INSTANCES,
    description:
      "performance_insights_enabled = true on every instance, with no exemption (Checkov's CKV_AWS_353 exempts MySQL's " +
      "micro and small classes, on which RDS offers no Performance Insights: those need a suppression for Trivy).",
    fix: "`performance_insights_enabled = true` (Database does this where RDS offers it, and suppresses AWS-0133 where it does not).",
  },
  "performance_insights_enabled",
);
