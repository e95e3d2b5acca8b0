/** CKV_AWS_260: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { ingress, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_260: {
    pass: ingress(443, 443),
    fail: {
      "aws_security_group_rule.r": {
        type: "ingress",
        from_port: 80,
        to_port: 80,
        protocol: "tcp",
        cidr_blocks: ["0.0.0.0/0"],
        description: "http",
      },
    },
  },
};
