/** CKV_AWS_19: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { bucket, type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_19: {
    pass: bucket,
    fail: withCompanion("aws_s3_bucket_server_side_encryption_configuration", {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "none" } }],
    }),
  },
};
