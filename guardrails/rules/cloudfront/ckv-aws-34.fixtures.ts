/** CKV_AWS_34: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_34: { pass: dist(), fail: dist({ default_cache_behavior: { viewer_protocol_policy: "allow-all" } }) },
};
