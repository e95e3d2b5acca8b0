/** CKV_AWS_133: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_133: {
    pass: one("aws_db_instance", { backup_retention_period: 35 }),
    fail: one("aws_db_instance", { backup_retention_period: 0 }),
  },
};
