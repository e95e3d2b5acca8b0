/** CKV_AWS_2: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_2: {
    pass: one("aws_lb_listener", {
      protocol: "HTTP",
      default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443" } }],
    }),
    fail: one("aws_lb_listener", { protocol: "HTTP", default_action: [{ type: "forward" }] }),
  },
};
