/** CKV_AWS_20: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { bucket, type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_20: { pass: bucket, fail: withCompanion("aws_s3_bucket_acl", { acl: "public-read" }) },
};
