/** CKV_AWS_245: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_245: {
    pass: one("aws_db_instance_automated_backups_replication", { kms_key_id: "arn:key" }),
    fail: one("aws_db_instance_automated_backups_replication", {}),
  },
};
