/** CKV_AWS_230 to CKV_AWS_231: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_230: {
    pass: one("aws_network_acl", {
      ingress: [{ action: "allow", protocol: "tcp", cidr_block: "10.0.0.0/16", from_port: 0, to_port: 65535 }],
    }),
    fail: one("aws_network_acl", { ingress: [{ action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 0, to_port: 1024 }] }),
  },
  CKV_AWS_229: {
    pass: one("aws_network_acl_rule", {
      rule_action: "allow",
      protocol: "tcp",
      cidr_block: "0.0.0.0/0",
      from_port: 21,
      to_port: 21,
      egress: true,
    }),
    fail: one("aws_network_acl_rule", { rule_action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 21, to_port: 21 }),
  },
  CKV_AWS_232: {
    pass: one("aws_network_acl", { ingress: [{ action: "deny", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 22, to_port: 22 }] }),
    fail: one("aws_network_acl", { ingress: [{ action: "allow", protocol: "-1", cidr_block: "0.0.0.0/0", from_port: 0, to_port: 0 }] }),
  },
  CKV_AWS_231: {
    pass: one("aws_network_acl", {}),
    fail: one("aws_network_acl", {
      ingress: [{ action: "allow", protocol: "tcp", ipv6_cidr_block: "::/0", from_port: 3389, to_port: 3389 }],
    }),
  },
};
