/** CKV_AWS_28: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_28: { pass: one("aws_dynamodb_table", { point_in_time_recovery: { enabled: true } }), fail: one("aws_dynamodb_table", {}) },
};
