/** CKV_AWS_327: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_327: { pass: one("aws_rds_cluster", { kms_key_id: "arn:key" }), fail: one("aws_rds_cluster", {}) },
};
