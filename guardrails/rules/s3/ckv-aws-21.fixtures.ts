/** CKV_AWS_21: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_21: {
    pass: withCompanion("aws_s3_bucket_versioning", { versioning_configuration: { status: "Enabled" } }),
    fail: withCompanion("aws_s3_bucket_versioning", { versioning_configuration: { status: "Suspended" } }),
  },
};
