/** CKV_AWS_333: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_333: {
    pass: one("aws_ecs_service", { network_configuration: { assign_public_ip: false } }),
    fail: one("aws_ecs_service", { network_configuration: { assign_public_ip: true } }),
  },
};
