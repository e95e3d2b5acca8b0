/** CKV_AWS_223: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_223: {
    pass: one("aws_ecs_cluster", {}),
    fail: one("aws_ecs_cluster", { configuration: { execute_command_configuration: { logging: "NONE" } } }),
  },
};
