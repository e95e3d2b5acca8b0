/** CKV_AWS_353: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, pgInstance, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_353: {
    pass: one("aws_db_instance", { ...pgInstance, performance_insights_enabled: true }),
    fail: one("aws_db_instance", pgInstance),
  },
};
