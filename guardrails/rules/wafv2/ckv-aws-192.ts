/**
 * CKV_AWS_192 (Checkov CKV_AWS_192): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/WAFACLCVE202144228.py.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks, get } from "../helpers";
import { ACL } from "./shared";

export const CKV_AWS_192: Rule = {
  id: "CKV_AWS_192",
  checkov: "CKV_AWS_192",
  severity: "high",
  resourceTypes: ACL,
  description: "A rule uses AWSManagedRulesKnownBadInputsRuleSet with override_action none and without excluding Log4JRCE.",
  stricter:
    "Checkov: only an excluded_rule named Log4JRCE fails there; any mention of Log4JRCE in the group statement fails here, " +
    "a rule_action_override that counts it (which AWS applies as an exclusion) included.",
  fix: "`rule`: AWSManagedRulesKnownBadInputsRuleSet with `override_action { none {} }`, Log4JRCE not excluded (WebAcl does this).",
  check: (acl) => {
    const ok = blocks(acl.config.rule).some((r) => {
      const stmt = get(r, "statement.managed_rule_group_statement");
      if (get(stmt, "name") !== "AWSManagedRulesKnownBadInputsRuleSet") return false;
      const excluded = JSON.stringify(stmt ?? {}).includes("Log4JRCE");
      return get(r, "override_action.none") !== undefined && !excluded;
    });
    return ok ? pass : fail("no enforcing AWSManagedRulesKnownBadInputsRuleSet rule (Log4j)");
  },
};
