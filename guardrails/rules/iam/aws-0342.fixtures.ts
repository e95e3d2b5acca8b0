/** AWS-0342: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { allow, iamPolicy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0342": {
    pass: iamPolicy(allow("iam:PassRole", "arn:aws:iam::1:role/task"), {
      Effect: "Deny",
      Action: "iam:PassRole",
      NotResource: "arn:aws:iam::1:role/task",
    }),
    fail: iamPolicy(allow("iam:PassRole", "arn:aws:iam::1:role/task")),
  },
};
