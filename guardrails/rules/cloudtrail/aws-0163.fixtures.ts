/** AWS-0163: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { ref, type RuleFixtures, trail } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0163": { pass: { ...trail(), "aws_s3_bucket_logging.l": { bucket: ref("aws_s3_bucket.b") } }, fail: trail() },
};
