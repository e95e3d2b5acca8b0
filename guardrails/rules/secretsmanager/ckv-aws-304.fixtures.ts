/** CKV_AWS_304: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_304: {
    pass: one("aws_secretsmanager_secret_rotation", { rotation_rules: { schedule_expression: "rate(30 days)" } }),
    fail: one("aws_secretsmanager_secret_rotation", { rotation_rules: { automatically_after_days: 365 } }),
  },
};
