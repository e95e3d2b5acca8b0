/** CKV_AWS_342: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { acl, one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_342: {
    pass: acl(["AWSManagedRulesCommonRuleSet"]),
    fail: one("aws_wafv2_web_acl", { rule: [{ name: "rate", statement: { rate_based_statement: { limit: 100 } } }] }),
  },
};
