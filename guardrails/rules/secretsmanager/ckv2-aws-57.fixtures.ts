/** CKV2_AWS_57: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_57: {
    pass: { "aws_secretsmanager_secret.s": {}, "aws_secretsmanager_secret_rotation.r": { secret_id: ref("aws_secretsmanager_secret.s") } },
    fail: one("aws_secretsmanager_secret", {}),
  },
};
