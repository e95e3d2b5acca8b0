/** CKV_AWS_26: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  // SNS / SQS
  CKV_AWS_26: { pass: one("aws_sns_topic", { kms_master_key_id: "arn:key" }), fail: one("aws_sns_topic", {}) },
};
