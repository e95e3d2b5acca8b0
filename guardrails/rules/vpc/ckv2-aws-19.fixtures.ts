/** CKV2_AWS_19: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import type { RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_19: {
    pass: { "aws_eip.e": { domain: "vpc" }, "aws_nat_gateway.n": { allocation_id: "${aws_eip.e.id}" } },
    fail: { "aws_eip.e": { domain: "vpc" }, "aws_eip.other": { domain: "vpc", tags: { Name: "unused" } } },
  },
};
