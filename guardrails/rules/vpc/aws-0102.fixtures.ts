/** AWS-0102: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0102": {
    pass: one("aws_network_acl", {
      ingress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "10.0.64.0/20", from_port: 5432, to_port: 5432 }],
    }),
    fail: one("aws_network_acl_rule", { rule_number: 100, rule_action: "allow", protocol: "-1", cidr_block: "10.0.0.0/16", egress: false }),
  },
};
