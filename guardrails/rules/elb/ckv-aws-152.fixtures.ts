/** CKV_AWS_152: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { lb, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_152: {
    pass: lb({ load_balancer_type: "network", enable_cross_zone_load_balancing: true }),
    fail: lb({ load_balancer_type: "network" }),
  },
};
