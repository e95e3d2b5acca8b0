/** CKV_AWS_67: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_67: { pass: one("aws_cloudtrail", { is_multi_region_trail: true }), fail: one("aws_cloudtrail", {}) },
};
