/** CKV2_AWS_1: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_1: { pass: one("aws_network_acl", { subnet_ids: ["subnet-1"] }), fail: one("aws_network_acl", {}) },
};
