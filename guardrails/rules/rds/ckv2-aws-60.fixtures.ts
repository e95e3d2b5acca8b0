/** CKV2_AWS_60: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_60: { pass: one("aws_db_instance", { copy_tags_to_snapshot: true }), fail: one("aws_db_instance", {}) },
};
