/** PRJ_DATA_RESIDENCY: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  PRJ_DATA_RESIDENCY: { pass: one("aws_s3_bucket", { region: "eu-central-1" }), fail: one("aws_kms_key", { region: "us-east-1" }) },
};
