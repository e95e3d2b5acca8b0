/** AWS-0053: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { lb, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0053": { pass: lb({ internal: true }), fail: lb({ internal: false }) },
};
