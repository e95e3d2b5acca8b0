/** CKV2_AWS_43: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_43: { pass: one("aws_s3_bucket_acl", { acl: "private" }), fail: one("aws_s3_bucket_acl", { acl: "authenticated-read" }) },
};
