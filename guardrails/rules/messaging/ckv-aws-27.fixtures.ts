/** CKV_AWS_27: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_27: { pass: one("aws_sqs_queue", { kms_master_key_id: "arn:key" }), fail: one("aws_sqs_queue", {}) },
};
