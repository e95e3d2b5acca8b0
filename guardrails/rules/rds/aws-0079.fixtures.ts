/** AWS-0079: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0079": {
    pass: one("aws_rds_cluster", { storage_encrypted: true, kms_key_id: "arn:key" }),
    fail: one("aws_rds_cluster", { storage_encrypted: true }),
  },
};
