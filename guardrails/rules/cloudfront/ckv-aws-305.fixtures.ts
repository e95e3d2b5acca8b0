/** CKV_AWS_305: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_305: { pass: dist({ default_root_object: "index.html" }), fail: dist() },
};
