/** CKV2_AWS_64: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_64: { pass: { "aws_kms_key.k": {}, "aws_kms_key_policy.p": { key_id: ref("aws_kms_key.k") } }, fail: one("aws_kms_key", {}) },
};
