/** CKV_AWS_36: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_36: { pass: one("aws_cloudtrail", { enable_log_file_validation: true }), fail: one("aws_cloudtrail", {}) },
};
