/** CKV_AWS_319: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_319: { pass: one("aws_cloudwatch_metric_alarm", {}), fail: one("aws_cloudwatch_metric_alarm", { actions_enabled: false }) },
};
