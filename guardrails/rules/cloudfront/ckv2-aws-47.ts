/**
 * CKV2_AWS_47 (Checkov CKV2_AWS_47): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/CloudFrontWebACLConfiguredWIthLog4jVulnerability.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { managedGroups } from "../elb/shared";
import { DIST } from "./shared";

export const CKV2_AWS_47: Rule = {
  id: "CKV2_AWS_47",
  checkov: "CKV2_AWS_47",
  severity: "medium",
  resourceTypes: DIST,
  description:
    "A WAFv2 web ACL is connected to the distribution and includes AnonymousIpList and KnownBadInputs (no web ACL fails, as in Checkov).",
  fix: "`web_acl_id`: a WAFv2 web ACL with the AnonymousIpList and KnownBadInputs managed groups.",
  check: (d, g) => {
    const acls = g.connected(d, "aws_wafv2_web_acl");
    if (acls.length === 0) return fail("no WAFv2 web ACL in this configuration protects the distribution");
    return acls.every(
      (a) =>
        managedGroups(a).includes("AWSManagedRulesAnonymousIpList") && managedGroups(a).includes("AWSManagedRulesKnownBadInputsRuleSet"),
    )
      ? pass
      : fail("the web ACL lacks AnonymousIpList or KnownBadInputs");
  },
};
