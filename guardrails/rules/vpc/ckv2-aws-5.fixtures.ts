/** CKV2_AWS_5: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, sg } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_5: { pass: sg({}), fail: { "aws_security_group.sg": { description: "unused" } } },
};
