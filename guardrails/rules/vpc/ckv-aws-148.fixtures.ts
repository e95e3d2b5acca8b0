/** CKV_AWS_148: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_148: {
    forbidsType: true,
    pass: one("aws_vpc", { cidr_block: "10.0.0.0/16" }),
    fail: one("aws_default_vpc", { tags: { Name: "Default VPC" } }),
  },
};
