/** CKV_AWS_146: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_146: { pass: one("aws_db_cluster_snapshot", { storage_encrypted: true }), fail: one("aws_db_cluster_snapshot", {}) },
};
