/** CKV_AWS_211: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_211: {
    pass: one("aws_db_instance", { ca_cert_identifier: "rds-ca-rsa2048-g1" }),
    fail: one("aws_db_instance", { ca_cert_identifier: "rds-ca-2019" }),
  },
};
