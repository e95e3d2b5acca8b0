/** CKV_AWS_54: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { pab, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_54: { pass: pab(true), fail: pab(false) },
};
