/** CKV_AWS_191: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_191: {
    pass: one("aws_elasticache_replication_group", { kms_key_id: "arn:key" }),
    fail: one("aws_elasticache_replication_group", {}),
  },
};
