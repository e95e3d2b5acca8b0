/** CKV_AWS_227: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_227: { pass: one("aws_kms_key", { is_enabled: true }), fail: one("aws_kms_key", { is_enabled: false }) },
};
