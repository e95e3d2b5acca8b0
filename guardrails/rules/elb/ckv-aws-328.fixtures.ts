/** CKV_AWS_328: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { lb, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_328: { pass: lb({ desync_mitigation_mode: "strictest" }), fail: lb({ desync_mitigation_mode: "monitor" }) },
};
