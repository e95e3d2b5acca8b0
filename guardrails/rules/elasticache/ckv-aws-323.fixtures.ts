/** CKV_AWS_323: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_323: { pass: one("aws_elasticache_cluster", { subnet_group_name: "data" }), fail: one("aws_elasticache_cluster", {}) },
};
