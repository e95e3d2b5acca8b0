/** AWS-0346: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { allow, iamPolicy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0346": { pass: iamPolicy(allow(["s3:Get*", "s3:Put*"], "arn:aws:s3:::b/*")), fail: iamPolicy(allow(["s3:Get*", "s3:Put*"], "*")) },
};
