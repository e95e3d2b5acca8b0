/** CKV_AWS_134: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_134: {
    pass: one("aws_elasticache_cluster", { engine: "redis", snapshot_retention_limit: 7 }),
    fail: one("aws_elasticache_cluster", { engine: "redis" }),
  },
};
