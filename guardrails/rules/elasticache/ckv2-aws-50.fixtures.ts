/** CKV2_AWS_50: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_50: {
    pass: one("aws_elasticache_replication_group", { automatic_failover_enabled: true }),
    fail: one("aws_elasticache_replication_group", {}),
  },
};
