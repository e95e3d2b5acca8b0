/** CKV_AWS_145: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_145: {
    pass: withCompanion("aws_s3_bucket_server_side_encryption_configuration", {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "arn:key" } }],
    }),
    fail: withCompanion("aws_s3_bucket_server_side_encryption_configuration", {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms:dsse", kms_master_key_id: "arn:key" } }],
    }),
  },
};
