/** CKV_AWS_198: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, pgInstance, ref, type RuleFixtures, vpcSg } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_198: {
    forbidsType: true,
    pass: {
      ...vpcSg("db"),
      "aws_db_instance.db": { ...pgInstance, vpc_security_group_ids: [ref("aws_security_group.db")] },
    },
    fail: one("aws_db_security_group", { name: "db", ingress: [{ cidr: "10.0.0.0/16" }] }),
  },
};
