/** AWS-0050: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0050": {
    pass: one("aws_elasticache_cluster", { engine: "redis", snapshot_retention_limit: 1 }),
    fail: one("aws_elasticache_cluster", { engine: "redis", node_type: "cache.t4g.small" }),
  },
};
