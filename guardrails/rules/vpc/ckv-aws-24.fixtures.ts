/** CKV_AWS_24: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { ingress, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_24: { pass: ingress(22, 22, "10.0.0.0/16"), fail: ingress(0, 1024) },
};
