/** CKV_AWS_30: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_30: {
    pass: one("aws_elasticache_replication_group", { transit_encryption_enabled: true }),
    fail: one("aws_elasticache_replication_group", {}),
  },
};
