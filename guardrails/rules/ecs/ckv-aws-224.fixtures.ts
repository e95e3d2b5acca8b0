/** CKV_AWS_224: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_224: {
    pass: one("aws_ecs_cluster", {
      configuration: {
        execute_command_configuration: {
          kms_key_id: "arn:key",
          logging: "OVERRIDE",
          log_configuration: { cloud_watch_encryption_enabled: true },
        },
      },
    }),
    fail: one("aws_ecs_cluster", { configuration: { execute_command_configuration: { logging: "OVERRIDE" } } }),
  },
};
