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
  description:
    "A public load balancer with a web ACL association has, in the configuration, an associated web ACL that includes " +
    "AWSManagedRulesAnonymousIpList and AWSManagedRulesKnownBadInputsRuleSet (none associated passes).",
  fix: "`rule` of the associated web ACL: add AWSManagedRulesAnonymousIpList and AWSManagedRulesKnownBadInputsRuleSet (WebAcl does this).",
  check: (lb, g) => {
    if (isTrue(lb.config.internal)) return pass;
    const associated = g.referencing(lb, "aws_wafv2_web_acl_association").length > 0;
    const acls = wafAclsOf(lb, g);
    if (!associated) return pass;
    // Checkov's graph needs the associated web ACL in the configuration to judge its rules.
    if (acls.length === 0) return fail("the associated web ACL is not in this configuration, so its rules cannot be read");
    return acls.every(
      (a) =>
        managedGroups(a).includes("AWSManagedRulesAnonymousIpList") && managedGroups(a).includes("AWSManagedRulesKnownBadInputsRuleSet"),
    )
      ? pass
      : fail("the web ACL lacks AnonymousIpList or KnownBadInputs");
  },
};
