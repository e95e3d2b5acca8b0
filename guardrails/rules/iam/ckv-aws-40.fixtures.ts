/** CKV_AWS_40: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_40: { pass: one("aws_iam_policy_attachment", { roles: ["r"] }), fail: one("aws_iam_user_policy_attachment", { user: "u" }) },
};
