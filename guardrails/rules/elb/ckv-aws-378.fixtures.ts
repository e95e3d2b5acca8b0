/** CKV_AWS_378: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_378: { pass: one("aws_lb_target_group", { protocol: "HTTPS" }), fail: one("aws_lb_target_group", { protocol: "HTTP" }) },
};
