/** CKV_AWS_25: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { ingress, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_25: { pass: ingress(443, 443), fail: ingress(3389, 3389) },
};
