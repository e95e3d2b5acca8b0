/** CKV_AWS_196: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, ref, type RuleFixtures, vpcSg } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_196: {
    forbidsType: true,
    pass: {
      ...vpcSg("cache"),
      "aws_elasticache_replication_group.rg": { description: "cache", security_group_ids: [ref("aws_security_group.cache")] },
    },
    fail: one("aws_elasticache_security_group", { name: "cache", security_group_names: ["app"] }),
  },
};
