/** CKV2_AWS_6: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_6: {
    pass: withCompanion("aws_s3_bucket_public_access_block", { block_public_acls: true, block_public_policy: true }),
    fail: withCompanion("aws_s3_bucket_public_access_block", { block_public_acls: true, block_public_policy: false }),
  },
};
