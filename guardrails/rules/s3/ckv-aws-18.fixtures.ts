/** CKV_AWS_18: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { bucket, type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_18: { pass: withCompanion("aws_s3_bucket_logging", { target_bucket: "logs" }), fail: bucket },
};
