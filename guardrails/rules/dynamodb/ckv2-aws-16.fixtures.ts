/** CKV2_AWS_16: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_16: {
    pass: one("aws_dynamodb_table", { billing_mode: "PAY_PER_REQUEST" }),
    fail: one("aws_dynamodb_table", { billing_mode: "PROVISIONED" }),
  },
};
