/** CKV_AWS_149: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_149: {
    pass: one("aws_secretsmanager_secret", { kms_key_id: "arn:key" }),
    fail: one("aws_secretsmanager_secret", { kms_key_id: "alias/aws/secretsmanager" }),
  },
};
