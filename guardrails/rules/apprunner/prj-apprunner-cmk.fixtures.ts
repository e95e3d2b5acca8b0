/** PRJ_APPRUNNER_CMK: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  PRJ_APPRUNNER_CMK: {
    pass: one("aws_apprunner_service", { encryption_configuration: { kms_key: "arn:key" } }),
    fail: one("aws_apprunner_service", {}),
  },
};
