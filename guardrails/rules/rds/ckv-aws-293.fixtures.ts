/** CKV_AWS_293: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_293: {
    pass: one("aws_db_instance", { deletion_protection: true }),
    fail: one("aws_db_instance", { deletion_protection: false }),
  },
};
