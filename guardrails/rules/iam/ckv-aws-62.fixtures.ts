/** CKV_AWS_62: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { allow, iamPolicy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_62: { pass: iamPolicy(allow("s3:GetObject")), fail: iamPolicy(allow("*", "*")) },
};
