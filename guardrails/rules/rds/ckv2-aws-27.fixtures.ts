/** CKV2_AWS_27: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_27: {
    pass: {
      "aws_rds_cluster.c": {
        engine: "aurora-postgresql",
        db_cluster_parameter_group_name: ref("aws_rds_cluster_parameter_group.pg", "name"),
      },
      "aws_rds_cluster_parameter_group.pg": { parameter: [{ name: "log_statement" }, { name: "log_min_duration_statement" }] },
    },
    fail: one("aws_rds_cluster", { engine: "aurora-postgresql" }),
  },
};
