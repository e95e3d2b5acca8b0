/** CKV_AWS_17: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_17: { pass: one("aws_db_instance", {}), fail: one("aws_db_instance", { publicly_accessible: true }) },
};
