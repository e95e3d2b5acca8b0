/** CKV_AWS_139: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_139: { pass: one("aws_rds_cluster", { deletion_protection: true }), fail: one("aws_rds_cluster", {}) },
};
