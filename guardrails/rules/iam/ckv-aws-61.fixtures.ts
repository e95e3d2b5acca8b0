/** CKV_AWS_61: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, trust } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_61: { pass: trust({ AWS: "arn:aws:iam::111111111111:role/ci" }), fail: trust({ AWS: "arn:aws:iam::111111111111:root" }) },
};
