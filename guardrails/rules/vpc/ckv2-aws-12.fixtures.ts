/** CKV2_AWS_12: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_12: {
    pass: { "aws_vpc.v": {}, "aws_default_security_group.d": { vpc_id: ref("aws_vpc.v") } },
    fail: { "aws_vpc.v": {}, "aws_default_security_group.d": { vpc_id: ref("aws_vpc.v"), ingress: [{ protocol: "-1", self: true }] } },
  },
};
