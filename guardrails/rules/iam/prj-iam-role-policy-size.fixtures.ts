/** PRJ_IAM_ROLE_POLICY_SIZE: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { roleWithInlinePolicies, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  PRJ_IAM_ROLE_POLICY_SIZE: {
    pass: roleWithInlinePolicies(30),
    fail: roleWithInlinePolicies(31),
  },
};
