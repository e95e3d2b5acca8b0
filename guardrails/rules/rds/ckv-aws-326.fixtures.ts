/** CKV_AWS_326: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_326: {
    pass: one("aws_rds_cluster", { engine: "aurora-mysql", backtrack_window: 3600 }),
    fail: one("aws_rds_cluster", { engine: "aurora-mysql" }),
  },
};
