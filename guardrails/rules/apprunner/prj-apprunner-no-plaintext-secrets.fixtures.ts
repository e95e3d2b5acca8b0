/** PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS: {
    pass: one("aws_apprunner_service", {
      source_configuration: {
        image_repository: {
          image_configuration: {
            runtime_environment_variables: { NODE_ENV: "production" },
            runtime_environment_secrets: { DATABASE_PASSWORD: "arn:secret" },
          },
        },
      },
    }),
    fail: one("aws_apprunner_service", {
      source_configuration: {
        image_repository: { image_configuration: { runtime_environment_variables: { DATABASE_PASSWORD: "not-a-real-value" } } },
      },
    }),
  },
};
