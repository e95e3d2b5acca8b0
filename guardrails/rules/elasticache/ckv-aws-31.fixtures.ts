/** CKV_AWS_31: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_31: {
    pass: one("aws_elasticache_replication_group", { transit_encryption_enabled: true, user_group_ids: ["g"] }),
    fail: one("aws_elasticache_replication_group", { transit_encryption_enabled: true }),
  },
};
