/** CKV_AWS_103: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_103: {
    pass: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    fail: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-FS-1-1-2019-08" }),
  },
};
