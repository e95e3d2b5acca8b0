/** CKV2_AWS_30: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_30: {
    pass: {
      "aws_db_instance.db": { engine: "postgres", parameter_group_name: ref("aws_db_parameter_group.pg", "name") },
      "aws_db_parameter_group.pg": {
        family: "postgres16",
        parameter: [
          { name: "log_statement", value: "ddl" },
          { name: "log_min_duration_statement", value: "1000" },
        ],
      },
    },
    fail: one("aws_db_instance", { engine: "postgres" }),
  },
};
