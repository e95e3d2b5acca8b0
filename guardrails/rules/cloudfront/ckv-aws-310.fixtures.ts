/** CKV_AWS_310: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_310: {
    pass: dist({ origin_group: [{ failover_criteria: { status_codes: [500] }, member: [{ origin_id: "a" }, { origin_id: "b" }] }] }),
    fail: dist(),
  },
};
