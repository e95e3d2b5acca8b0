/** CKV_AWS_60: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, trust } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_60: { pass: trust({ Service: "ecs-tasks.amazonaws.com" }), fail: trust({ AWS: "*" }) },
};
