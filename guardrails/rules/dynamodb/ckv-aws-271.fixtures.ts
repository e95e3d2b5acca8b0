/** CKV_AWS_271: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_271: { pass: one("aws_dynamodb_table_replica", { kms_key_arn: "arn:key" }), fail: one("aws_dynamodb_table_replica", {}) },
};
