/** CKV_AWS_96: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_96: { pass: one("aws_rds_cluster", { storage_encrypted: true }), fail: one("aws_rds_cluster", {}) },
};
