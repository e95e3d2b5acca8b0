/** AWS-0162: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0162": {
    pass: one("aws_cloudtrail", { cloud_watch_logs_group_arn: "arn:aws:logs:eu-central-1:111122223333:log-group:trail:*" }),
    fail: one("aws_cloudtrail", {}),
  },
};
