/** CKV_AWS_93: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, policy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_93: {
    pass: one("aws_s3_bucket_policy", {
      policy: policy({
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: "*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    }),
    fail: one("aws_s3_bucket_policy", { policy: policy({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }) }),
  },
};
