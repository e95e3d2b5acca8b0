/**
 * CKV2_AWS_28 (Checkov CKV2_AWS_28): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/ALBProtectedByWAF.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { isAlb, LB } from "./shared";

export const CKV2_AWS_28: Rule = {
  id: "CKV2_AWS_28",
  checkov: "CKV2_AWS_28",
  severity: "high",
  resourceTypes: LB,
  description: "Internet-facing application LBs have a WAFv2 association referencing them.",
  fix: "`aws_wafv2_web_acl_association` with `resource_arn` = the load balancer's ARN (WebAcl does this).",
  check: (lb, g) =>
    isTrue(lb.config.internal) || !isAlb(lb)
      ? pass
      : g.referencing(lb, "aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association").length > 0
        ? pass
        : fail("no WAF web ACL protects this load balancer"),
};
