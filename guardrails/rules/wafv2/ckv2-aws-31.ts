/**
 * CKV2_AWS_31 (Checkov CKV2_AWS_31): its `description` below says what it checks.
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
    fix: "`aws_wafv2_web_acl_logging_configuration` to a log group named aws-waf-logs-* (WebAcl does this).",
  },
  ["aws_wafv2_web_acl_logging_configuration"],
  () => true,
  "WAF requests are not logged",
);
