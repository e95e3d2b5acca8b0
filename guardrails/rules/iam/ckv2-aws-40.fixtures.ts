/** CKV2_AWS_40: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { allow, iamPolicy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_40: { pass: iamPolicy(allow("iam:GetRole")), fail: iamPolicy(allow("iam:*")) },
};
