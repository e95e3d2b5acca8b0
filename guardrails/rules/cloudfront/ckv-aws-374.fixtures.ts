/** CKV_AWS_374: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_374: {
    pass: dist({ restrictions: { geo_restriction: { restriction_type: "whitelist", locations: ["DE"] } } }),
    fail: dist({ restrictions: { geo_restriction: { restriction_type: "none" } } }),
  },
};
