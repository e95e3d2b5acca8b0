/** CKV_AWS_388: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_388: {
    pass: one("aws_db_instance", { engine: "aurora-postgresql", engine_version: "15.4" }),
    fail: one("aws_db_instance", { engine: "aurora-postgresql", engine_version: "11.7" }),
  },
};
