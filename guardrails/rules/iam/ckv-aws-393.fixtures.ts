/** CKV_AWS_393: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { type RuleFixtures, trust } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_393: {
    pass: trust(
      { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
      { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/api:environment:prod" } },
    ),
    fail: trust(
      { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
      { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme*" } },
    ),
  },
};
