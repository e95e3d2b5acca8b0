/** CKV_AWS_250: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, pgInstance, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_250: { pass: one("aws_db_instance", pgInstance), fail: one("aws_db_instance", { engine: "postgres", engine_version: "13.2" }) },
};
