/** CKV_AWS_249: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_249: {
    pass: one("aws_ecs_task_definition", { execution_role_arn: "arn:exec", task_role_arn: "arn:task" }),
    fail: one("aws_ecs_task_definition", { execution_role_arn: "arn:same", task_role_arn: "arn:same" }),
  },
};
