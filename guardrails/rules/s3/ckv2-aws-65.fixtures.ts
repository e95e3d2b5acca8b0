/** CKV2_AWS_65: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_65: {
    pass: one("aws_s3_bucket_ownership_controls", { rule: { object_ownership: "BucketOwnerEnforced" } }),
    fail: one("aws_s3_bucket_ownership_controls", { rule: { object_ownership: "BucketOwnerPreferred" } }),
  },
};
