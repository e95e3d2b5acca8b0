/** CKV_AWS_68: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_68: { pass: dist({ web_acl_id: "arn:acl" }), fail: dist() },
};
