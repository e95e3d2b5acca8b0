/** AWS-0345: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { allow, iamPolicy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0345": { pass: iamPolicy(allow(["s3:GetObject", "s3:PutObject"])), fail: iamPolicy(allow("s3:*")) },
};
