/** CKV_AWS_169: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, policy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_169: {
    pass: one("aws_sns_topic_policy", {
      policy: policy({ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: "*" }),
    }),
    fail: one("aws_sns_topic_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: "*" }) }),
  },
};
