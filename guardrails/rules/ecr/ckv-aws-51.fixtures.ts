/** CKV_AWS_51: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_51: {
    pass: one("aws_ecr_repository", { image_tag_mutability: "IMMUTABLE" }),
    fail: one("aws_ecr_repository", { image_tag_mutability: "IMMUTABLE_WITH_EXCLUSION" }),
  },
};
