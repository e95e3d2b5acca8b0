/** CKV_AWS_136: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_136: {
    pass: one("aws_ecr_repository", { encryption_configuration: [{ encryption_type: "KMS" }] }),
    fail: one("aws_ecr_repository", { encryption_configuration: [{ encryption_type: "AES256" }] }),
  },
};
