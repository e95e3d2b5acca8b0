/** CKV_AWS_29: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_29: {
    pass: one("aws_elasticache_replication_group", { at_rest_encryption_enabled: true }),
    fail: one("aws_elasticache_replication_group", {}),
  },
};
