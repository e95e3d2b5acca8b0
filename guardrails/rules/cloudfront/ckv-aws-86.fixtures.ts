/** CKV_AWS_86: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_86: { pass: dist({ logging_config: { bucket: "logs.s3.amazonaws.com" } }), fail: dist() },
};
