/** CKV_AWS_192: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { acl, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_192: {
    pass: acl(["AWSManagedRulesKnownBadInputsRuleSet"]),
    fail: {
      "aws_wafv2_web_acl.acl": {
        rule: [
          {
            name: "k",
            override_action: { count: {} },
            statement: { managed_rule_group_statement: { name: "AWSManagedRulesKnownBadInputsRuleSet" } },
          },
        ],
      },
    },
  },
};
