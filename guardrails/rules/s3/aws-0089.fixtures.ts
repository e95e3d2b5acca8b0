/** AWS-0089: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { bucket, ref, type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  // Trivy: a log-delivery target needs no logging of its own; logging into this bucket is not logging it.
  "AWS-0089": {
    pass: withCompanion("aws_s3_bucket_acl", { acl: "log-delivery-write" }),
    fail: { ...bucket, "aws_s3_bucket_logging.c": { bucket: "other-bucket", target_bucket: ref("aws_s3_bucket.b") } },
  },
};
