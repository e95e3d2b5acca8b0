/** AWS-0161: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { ref, type RuleFixtures, trail } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0161": { pass: trail(), fail: { ...trail(), "aws_s3_bucket_acl.a": { bucket: ref("aws_s3_bucket.b"), acl: "public-read" } } },
};
