/** CKV2_AWS_8: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_8: {
    pass: { "aws_rds_cluster.c": {}, "aws_backup_selection.s": { resources: [ref("aws_rds_cluster.c", "arn")] } },
    fail: one("aws_rds_cluster", {}),
  },
};
