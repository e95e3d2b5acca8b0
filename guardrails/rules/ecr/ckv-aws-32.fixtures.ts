/** CKV_AWS_32: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, policy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_32: {
    pass: one("aws_ecr_repository_policy", {
      policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/ci" }, Action: "ecr:*", Resource: "*" }),
    }),
    fail: one("aws_ecr_repository_policy", {
      policy: policy({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage", Resource: "*" }),
    }),
  },
};
