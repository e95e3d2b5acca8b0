/** CKV_AWS_324: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_324: { pass: one("aws_rds_cluster", { enabled_cloudwatch_logs_exports: ["postgresql"] }), fail: one("aws_rds_cluster", {}) },
};
