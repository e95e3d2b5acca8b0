/** CKV2_AWS_11: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_11: { pass: { "aws_vpc.v": {}, "aws_flow_log.f": { vpc_id: ref("aws_vpc.v") } }, fail: one("aws_vpc", {}) },
};
