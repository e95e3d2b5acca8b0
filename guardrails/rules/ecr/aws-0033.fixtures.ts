/** AWS-0033: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0033": {
    pass: one("aws_ecr_repository", { encryption_configuration: [{ encryption_type: "KMS", kms_key: "arn:key" }] }),
    fail: one("aws_ecr_repository", { encryption_configuration: [{ encryption_type: "KMS" }] }),
  },
};
