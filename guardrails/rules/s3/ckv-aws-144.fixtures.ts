/** CKV_AWS_144: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { bucket, type RuleFixtures, withCompanion } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_144: { pass: withCompanion("aws_s3_bucket_replication_configuration", { rule: [{ status: "Enabled" }] }), fail: bucket },
};
