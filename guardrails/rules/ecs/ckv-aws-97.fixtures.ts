/** CKV_AWS_97: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_97: {
    pass: one("aws_ecs_task_definition", { volume: [{ efs_volume_configuration: { transit_encryption: "ENABLED" } }] }),
    fail: one("aws_ecs_task_definition", { volume: [{ efs_volume_configuration: { transit_encryption: "DISABLED" } }] }),
  },
};
