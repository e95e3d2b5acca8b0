/** CKV_AWS_274: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_274: {
    pass: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
    fail: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
  },
};
