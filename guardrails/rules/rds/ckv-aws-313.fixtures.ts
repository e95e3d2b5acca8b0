/** CKV_AWS_313: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_313: { pass: one("aws_rds_cluster", { copy_tags_to_snapshot: true }), fail: one("aws_rds_cluster", {}) },
};
