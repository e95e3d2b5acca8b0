/** CKV_AWS_162: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_162: { pass: one("aws_rds_cluster", { iam_database_authentication_enabled: true }), fail: one("aws_rds_cluster", {}) },
};
