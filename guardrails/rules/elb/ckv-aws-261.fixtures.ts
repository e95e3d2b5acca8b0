/** CKV_AWS_261: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_261: {
    pass: one("aws_lb_target_group", { protocol: "HTTP", health_check: { path: "/healthz" } }),
    fail: one("aws_lb_target_group", { protocol: "HTTP" }),
  },
};
