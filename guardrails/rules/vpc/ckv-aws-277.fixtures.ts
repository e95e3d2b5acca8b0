/** CKV_AWS_277: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { ingress, type RuleFixtures, sg } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_277: {
    pass: ingress(443, 443),
    fail: sg({ ingress: [{ from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"], description: "all" }] }),
  },
};
