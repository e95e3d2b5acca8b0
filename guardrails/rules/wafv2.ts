/** WAFv2: scanner-rules.md §2.10. */
import { fail, pass, type Rule } from "../types";
import { blocks, companionRule, get } from "./helpers";

const ACL = ["aws_wafv2_web_acl"];
const ALL_ACLS = ["aws_waf_web_acl", "aws_wafregional_web_acl", "aws_wafv2_web_acl"];
/** A block that is present and not empty (Checkov compares with `[{}]`). */
const filled = (v: unknown) => blocks(v).some((b) => Object.keys(b).length > 0);
/** Checkov's WAFRuleHasAnyActions reads `rule`, else `rules`, else `activated_rule`. */
const wafRules = (c: Record<string, unknown>) => [c.rule, c.rules, c.activated_rule].map(blocks).find((b) => b.length > 0) ?? [];

export const wafv2Rules: Rule[] = [
  {
    id: "CKV_AWS_192",
    checkov: "CKV_AWS_192",
    severity: "high",
    resourceTypes: ACL,
    description: "A rule uses AWSManagedRulesKnownBadInputsRuleSet with override_action none and without excluding Log4JRCE.",
    fix: "Add the KnownBadInputs managed group with overrideAction { none {} }.",
    check: (acl) => {
      const ok = blocks(acl.config.rule).some((r) => {
        const stmt = get(r, "statement.managed_rule_group_statement");
        if (get(stmt, "name") !== "AWSManagedRulesKnownBadInputsRuleSet") return false;
        const excluded = JSON.stringify(stmt ?? {}).includes("Log4JRCE");
        return get(r, "override_action.none") !== undefined && !excluded;
      });
      return ok ? pass : fail("no enforcing AWSManagedRulesKnownBadInputsRuleSet rule (Log4j)");
    },
  },
  {
    id: "CKV_AWS_175",
    checkov: "CKV_AWS_175",
    severity: "medium",
    resourceTypes: ALL_ACLS,
    description: "The web ACL (WAFv2 or classic) has a non-empty rule or rules block.",
    fix: "Add managed rule groups.",
    check: (acl) => (filled(acl.config.rule) || filled(acl.config.rules) ? pass : fail("no rules")),
  },
  {
    id: "CKV_AWS_342",
    checkov: "CKV_AWS_342",
    severity: "low",
    resourceTypes: [...ALL_ACLS, "aws_wafv2_rule_group", "aws_wafregional_rule_group", "aws_waf_rule_group"],
    description: "Every rule (rule, rules or activated_rule) has a non-empty action or override_action, or is a managed rule group.",
    fix: "Give each rule action or override_action.",
    check: (acl) =>
      wafRules(acl.config).every((r) => filled(r.action) || filled(r.override_action) || !!get(r, "statement.managed_rule_group_statement"))
        ? pass
        : fail("a rule has no action"),
  },
  {
    id: "CKV_AWS_176",
    checkov: "CKV_AWS_176",
    severity: "medium",
    resourceTypes: ["aws_waf_web_acl", "aws_wafregional_web_acl"],
    description: "Classic WAF ACLs log (logging_configuration.log_destination).",
    fix: "Move to WAFv2, or set logging_configuration.",
    check: (acl) => (get(acl.config, "logging_configuration.log_destination") ? pass : fail("classic WAF ACL does not log")),
  },
  companionRule(
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
  ),
];
