/** AWS-0010: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0010": {
    pass: {
      ...dist(),
      "aws_cloudwatch_log_delivery_source.s": { log_type: "ACCESS_LOGS", resource_arn: ref("aws_cloudfront_distribution.r", "arn") },
      "aws_cloudwatch_log_delivery.d": { delivery_source_name: ref("aws_cloudwatch_log_delivery_source.s", "name") },
    },
    fail: dist(),
  },
};
