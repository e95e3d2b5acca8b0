/**
 * CKV2_AWS_76 (Checkov CKV2_AWS_76): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/ALBWebACLConfiguredWIthLog4jVulnerability.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { LB, managedGroups, wafAclsOf } from "./shared";

export const CKV2_AWS_76: Rule = {
  id: "CKV2_AWS_76",
  checkov: "CKV2_AWS_76",
  severity: "medium",
  resourceTypes: LB,
  description: "An associated web ACL includes AWSManagedRulesAnonymousIpList and AWSManagedRulesKnownBadInputsRuleSet.",
  fix: "`rule` of the associated web ACL: add AWSManagedRulesAnonymousIpList and AWSManagedRulesKnownBadInputsRuleSet (WebAcl does this).",
  check: (lb, g) => {
    const acls = wafAclsOf(lb, g);
    if (isTrue(lb.config.internal) || acls.length === 0) return pass;
    return acls.every(
      (a) =>
        managedGroups(a).includes("AWSManagedRulesAnonymousIpList") && managedGroups(a).includes("AWSManagedRulesKnownBadInputsRuleSet"),
    )
      ? pass
      : fail("the web ACL lacks AnonymousIpList or KnownBadInputs");
  },
};
