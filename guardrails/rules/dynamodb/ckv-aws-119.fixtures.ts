/** CKV_AWS_119: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_119: {
    pass: one("aws_dynamodb_table", { server_side_encryption: { enabled: true, kms_key_arn: "arn:key" } }),
    fail: one("aws_dynamodb_table", { server_side_encryption: { enabled: true, kms_key_arn: "alias/aws/dynamodb" } }),
  },
};
