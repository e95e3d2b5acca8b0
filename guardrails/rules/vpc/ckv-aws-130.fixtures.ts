/** CKV_AWS_130: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_130: { pass: one("aws_subnet", { map_public_ip_on_launch: false }), fail: one("aws_subnet", { map_public_ip_on_launch: true }) },
};
