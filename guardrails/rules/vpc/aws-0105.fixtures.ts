/** AWS-0105: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0105": {
    pass: one("aws_network_acl", {
      egress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 443, to_port: 443 }],
    }),
    fail: one("aws_network_acl", {
      ingress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 443, to_port: 443 }],
    }),
  },
};
