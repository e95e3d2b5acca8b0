/** CKV2_AWS_47: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { acl, dist, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_47: {
    pass: {
      ...dist({ web_acl_id: ref("aws_wafv2_web_acl.acl", "arn") }),
      ...acl(["AWSManagedRulesAnonymousIpList", "AWSManagedRulesKnownBadInputsRuleSet"]),
    },
    fail: { ...dist({ web_acl_id: ref("aws_wafv2_web_acl.acl", "arn") }), ...acl(["AWSManagedRulesCommonRuleSet"]) },
  },
};
