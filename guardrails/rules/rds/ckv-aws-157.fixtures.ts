/** CKV_AWS_157: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_157: { pass: one("aws_db_instance", { multi_az: true }), fail: one("aws_db_instance", {}) },
};
