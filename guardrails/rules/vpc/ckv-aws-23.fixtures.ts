/** CKV_AWS_23: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, sg } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_23: {
    pass: sg({ ingress: [{ description: "https", from_port: 443, to_port: 443, protocol: "tcp", security_groups: ["sg-1"] }] }),
    fail: sg({ description: "Managed by Terraform" }),
  },
};
