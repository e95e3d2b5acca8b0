/** CKV_AWS_355: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { allow, iamPolicy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_355: { pass: iamPolicy(allow("ecr:GetAuthorizationToken", "*")), fail: iamPolicy(allow("s3:GetObject", "*")) },
};
