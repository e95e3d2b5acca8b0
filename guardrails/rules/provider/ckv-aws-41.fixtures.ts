/** CKV_AWS_41: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import type { RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_41: {
    pass: { "provider.aws.0": { region: "us-east-1" } },
    fail: { "provider.aws.0": { region: "us-east-1", access_key: "AKIA-not-real", secret_key: "not-a-real-secret" } },
  },
};
