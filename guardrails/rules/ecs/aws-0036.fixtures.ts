/** AWS-0036: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { container, one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0036": {
    pass: one("aws_ecs_task_definition", {
      container_definitions: container({
        environment: [{ name: "NODE_ENV", value: "production" }],
        secrets: [{ name: "DATABASE_URL", valueFrom: "arn:secret" }],
      }),
    }),
    fail: one("aws_ecs_task_definition", { container_definitions: container({ environment: [{ name: "DB_SECRET_ARN", value: "arn" }] }) }),
  },
};
