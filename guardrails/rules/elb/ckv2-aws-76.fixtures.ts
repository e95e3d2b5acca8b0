/** CKV2_AWS_76: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { acl, lb, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_76: {
    pass: {
      ...lb(),
      ...acl(["AWSManagedRulesAnonymousIpList", "AWSManagedRulesKnownBadInputsRuleSet"]),
      "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: ref("aws_wafv2_web_acl.acl", "arn") },
    },
    fail: {
      ...lb(),
      ...acl(["AWSManagedRulesCommonRuleSet"]),
      "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: ref("aws_wafv2_web_acl.acl", "arn") },
    },
  },
};
