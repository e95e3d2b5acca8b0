/** CKV2_AWS_62: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { bucket, type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_62: { pass: withCompanion("aws_s3_bucket_notification", { eventbridge: true }), fail: bucket },
};
