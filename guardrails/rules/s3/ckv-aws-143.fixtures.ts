/** CKV_AWS_143: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_143: {
    pass: one("aws_s3_bucket", { object_lock_configuration: { object_lock_enabled: "Enabled" } }),
    fail: one("aws_s3_bucket", { object_lock_configuration: { object_lock_enabled: "Disabled" } }),
  },
};
