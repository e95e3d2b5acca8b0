/** CKV_AWS_176: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_176: {
    pass: one("aws_wafregional_web_acl", { logging_configuration: { log_destination: "arn:firehose" } }),
    fail: one("aws_waf_web_acl", {}),
  },
};
