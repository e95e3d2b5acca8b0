/** CKV_AWS_66: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_66: { pass: one("aws_cloudwatch_log_group", { retention_in_days: 30 }), fail: one("aws_cloudwatch_log_group", {}) },
};
