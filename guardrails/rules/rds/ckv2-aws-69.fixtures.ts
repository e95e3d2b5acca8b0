/** CKV2_AWS_69: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_69: {
    pass: {
      "aws_db_instance.db": { engine: "postgres", parameter_group_name: ref("aws_db_parameter_group.pg", "name") },
      "aws_db_parameter_group.pg": { family: "postgres16", parameter: [{ name: "rds.force_ssl", value: "1" }] },
    },
    fail: {
      "aws_db_instance.db": { engine: "mysql", parameter_group_name: ref("aws_db_parameter_group.pg", "name") },
      "aws_db_parameter_group.pg": { family: "mysql8.0", parameter: [{ name: "require_secure_transport", value: "0" }] },
    },
  },
};
