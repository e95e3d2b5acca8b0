/** CKV_AWS_334: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { container, one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_334: {
    pass: one("aws_ecs_task_definition", { container_definitions: container({}) }),
    fail: one("aws_ecs_task_definition", { container_definitions: container({ privileged: true }) }),
  },
};
