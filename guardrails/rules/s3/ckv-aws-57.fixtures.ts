/** CKV_AWS_57: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_57: {
    pass: withCompanion("aws_s3_bucket_acl", { acl: "private" }),
    fail: withCompanion("aws_s3_bucket_acl", { acl: "public-read-write" }),
  },
};
