/** CKV2_AWS_56: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_56: {
    pass: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
    fail: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/IAMFullAccess" }),
  },
};
