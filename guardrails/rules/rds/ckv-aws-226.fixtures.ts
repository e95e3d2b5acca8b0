/** CKV_AWS_226: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_226: { pass: one("aws_rds_cluster_instance", { auto_minor_version_upgrade: true }), fail: one("aws_rds_cluster_instance", {}) },
};
