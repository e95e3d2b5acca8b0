/** AWS-0132: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0132": {
    pass: one("aws_s3_bucket", {
      server_side_encryption_configuration: {
        rule: { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "arn:key" } },
      },
    }),
    fail: withCompanion("aws_s3_bucket_server_side_encryption_configuration", {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms" } }],
    }),
  },
};
