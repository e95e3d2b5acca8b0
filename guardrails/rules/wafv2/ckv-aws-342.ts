/**
 * CKV_AWS_342 (Checkov CKV_AWS_342): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/WAFRuleHasAnyActions.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { ALL_ACLS, filled, wafRules } from "./shared";

export const CKV_AWS_342: Rule = {
  id: "CKV_AWS_342",
  checkov: "CKV_AWS_342",
  severity: "low",
  resourceTypes: [...ALL_ACLS, "aws_wafv2_rule_group", "aws_wafregional_rule_group", "aws_waf_rule_group"],
  description: "Every rule (rule, rules or activated_rule) has a non-empty action or override_action, or is a managed rule group.",
  fix: "`action` or `override_action` on every rule.",
  check: (acl) =>
    wafRules(acl.config).every((r) => filled(r.action) || filled(r.override_action) || !!get(r, "statement.managed_rule_group_statement"))
      ? pass
      : fail("a rule has no action"),
};
