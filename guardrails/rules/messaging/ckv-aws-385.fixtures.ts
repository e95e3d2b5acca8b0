/** CKV_AWS_385: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, policy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_385: {
    pass: one("aws_sns_topic_policy", {
      policy: policy({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:role/app" },
        Action: "sns:Publish",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
      }),
    }),
    fail: one("aws_sns_topic_policy", {
      policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: "sns:Publish", Resource: "*" }),
    }),
  },
};
