/** CKV_AWS_332: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_332: {
    pass: one("aws_ecs_service", { launch_type: "FARGATE", platform_version: "LATEST" }),
    fail: one("aws_ecs_service", { launch_type: "FARGATE", platform_version: "1.3.0" }),
  },
};
