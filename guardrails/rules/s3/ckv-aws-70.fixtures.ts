/** CKV_AWS_70: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, policy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_70: {
    pass: one("aws_s3_bucket_policy", {
      policy: policy({
        Effect: "Allow",
        Principal: "*",
        Action: "s3:GetObject",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
      }),
    }),
    fail: one("aws_s3_bucket_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }) }),
  },
};
