/** CKV_AWS_33: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, policy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_33: {
    pass: one("aws_kms_key", {
      policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" }),
    }),
    fail: one("aws_kms_key", { policy: policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" }) }),
  },
};
