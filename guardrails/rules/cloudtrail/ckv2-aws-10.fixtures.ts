/** CKV2_AWS_10: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_10: {
    pass: {
      "aws_cloudtrail.t": {
        cloud_watch_logs_group_arn: `${ref("aws_cloudwatch_log_group.g", "arn")}:*`,
        cloud_watch_logs_role_arn: "arn:role",
      },
      "aws_cloudwatch_log_group.g": {},
    },
    fail: one("aws_cloudtrail", {}),
  },
};
