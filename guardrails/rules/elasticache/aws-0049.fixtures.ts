/** AWS-0049: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0049": {
    pass: one("aws_elasticache_security_group", { name: "cache", description: "app servers" }),
    fail: one("aws_elasticache_security_group", { name: "cache", description: "Managed by Terraform" }),
  },
};
