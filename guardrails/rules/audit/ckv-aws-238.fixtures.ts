/** CKV_AWS_238: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_238: { pass: one("aws_guardduty_detector", { enable: true }), fail: one("aws_guardduty_detector", { enable: false }) },
};
