/** CKV_AWS_322: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_322: { pass: one("aws_elasticache_cluster", {}), fail: one("aws_elasticache_cluster", { auto_minor_version_upgrade: false }) },
};
