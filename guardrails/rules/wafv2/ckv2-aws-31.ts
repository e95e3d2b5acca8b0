/**
 * CKV2_AWS_31 (Checkov CKV2_AWS_31): An aws_wafv2_web_acl_logging_configuration references the ACL.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/WAF2HasLogs.yaml.
 */
import type { Rule } from "../../types";
import { companionRule } from "../helpers";
import { ACL } from "./shared";

export const CKV2_AWS_31: Rule = companionRule(
  {
    id: "CKV2_AWS_31",
    checkov: "CKV2_AWS_31",
    severity: "medium",
    resourceTypes: ACL,
    description: "An aws_wafv2_web_acl_logging_configuration references the ACL.",
    fix: "Log to a CloudWatch log group named aws-waf-logs-*.",
  },
  ["aws_wafv2_web_acl_logging_configuration"],
  () => true,
  "WAF requests are not logged",
);
