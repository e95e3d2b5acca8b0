/** AWS-0077: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0077": {
    pass: one("aws_db_instance", { backup_retention_period: 35 }),
    fail: one("aws_db_instance", { backup_retention_period: 1 }),
  },
};
