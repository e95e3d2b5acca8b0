/** CKV_AWS_252: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_252: { pass: one("aws_cloudtrail", { sns_topic_name: "trail-deliveries" }), fail: one("aws_cloudtrail", {}) },
};
