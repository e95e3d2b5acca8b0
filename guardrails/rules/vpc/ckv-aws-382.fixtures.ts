/** CKV_AWS_382: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, sg } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_382: {
    pass: sg({ egress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["10.0.0.0/16"], description: "vpc" }] }),
    fail: { "aws_vpc_security_group_egress_rule.e": { cidr_ipv4: "0.0.0.0/0", ip_protocol: "-1", description: "all" } },
  },
};
