/** CKV2_AWS_20: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { lb, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_20: {
    pass: {
      ...lb(),
      "aws_lb_listener.l": {
        load_balancer_arn: ref("aws_lb.lb", "arn"),
        port: 80,
        protocol: "HTTP",
        default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443" } }],
      },
    },
    fail: {
      ...lb(),
      "aws_lb_listener.l": {
        load_balancer_arn: ref("aws_lb.lb", "arn"),
        port: 80,
        protocol: "HTTP",
        default_action: [{ type: "forward" }],
      },
    },
  },
};
