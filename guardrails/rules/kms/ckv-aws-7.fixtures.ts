/** CKV_AWS_7: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_7: { pass: one("aws_kms_key", { enable_key_rotation: true }), fail: one("aws_kms_key", {}) },
};
