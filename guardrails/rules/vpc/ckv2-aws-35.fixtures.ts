/** CKV2_AWS_35: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_35: {
    pass: one("aws_route", { destination_cidr_block: "0.0.0.0/0", nat_gateway_id: "nat-1" }),
    fail: one("aws_route", { destination_cidr_block: "0.0.0.0/0", instance_id: "i-1" }),
  },
};
