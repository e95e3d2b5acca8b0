/** CKV_AWS_118: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_118: { pass: one("aws_db_instance", { monitoring_interval: 60 }), fail: one("aws_db_instance", { monitoring_interval: 0 }) },
};
