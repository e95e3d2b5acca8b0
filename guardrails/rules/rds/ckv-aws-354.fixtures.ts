/** CKV_AWS_354: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_354: {
    pass: one("aws_db_instance", { performance_insights_enabled: true, performance_insights_kms_key_id: "arn:key" }),
    fail: one("aws_db_instance", { performance_insights_enabled: true }),
  },
};
