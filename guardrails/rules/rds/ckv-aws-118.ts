/**
 * CKV_AWS_118 (Checkov CKV_AWS_118): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSEnhancedMonitorEnabled.py.
 */
import type { Rule } from "../../types";
import { attributeRule } from "../helpers";
import { INSTANCES } from "./shared";

export const CKV_AWS_118: Rule = attributeRule(
  {
    id: "CKV_AWS_118",
    checkov: "CKV_AWS_118",
    severity: "low",
    resourceTypes: INSTANCES,
    description: "Enhanced monitoring: monitoring_interval in 1, 5, 10, 15, 30, 60.",
    fix: "`monitoring_interval = 60` with a `monitoring_role_arn` (Database and AuroraCluster do this).",
  },
  "monitoring_interval",
  (v) => typeof v === "number" && [1, 5, 10, 15, 30, 60].includes(v),
  'one of 1, 5, 10, 15, 30, 60 (a number; Checkov fails the string "5")',
);
