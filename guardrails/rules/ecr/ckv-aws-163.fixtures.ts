/** CKV_AWS_163: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_163: {
    pass: one("aws_ecr_repository", { image_scanning_configuration: { scan_on_push: true } }),
    fail: one("aws_ecr_repository", {}),
  },
};
