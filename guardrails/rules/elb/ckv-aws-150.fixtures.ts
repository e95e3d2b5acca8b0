/** CKV_AWS_150: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { lb, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_150: { pass: lb({ enable_deletion_protection: true }), fail: lb() },
};
