/** CKV_AWS_131: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { lb, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_131: { pass: lb({ drop_invalid_header_fields: true }), fail: lb() },
};
