/** CKV_AWS_251: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_251: { pass: one("aws_cloudtrail", {}), fail: one("aws_cloudtrail", { enable_logging: false }) },
};
