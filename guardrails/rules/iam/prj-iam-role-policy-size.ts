/**
 * PRJ_IAM_ROLE_POLICY_SIZE (project rule, no scanner equivalent): its `description` below says what it checks.
 */
import { fail, pass, type Rule } from "../../types";
import { show } from "../helpers";
import { inlinePolicies, policySize, REFERENCE_SIZE, ROLE_INLINE_POLICY_LIMIT } from "./shared";

export const PRJ_IAM_ROLE_POLICY_SIZE: Rule = {
  id: "PRJ_IAM_ROLE_POLICY_SIZE",
  severity: "high",
  resourceTypes: ["aws_iam_role"],
  description:
    `The role's inline policies together stay within IAM's ${ROLE_INLINE_POLICY_LIMIT} characters (whitespace not counted; ` +
    `each \${...} reference counted as ${REFERENCE_SIZE}), so apply does not fail with LimitExceeded. Neither scanner checks this.`,
  fix:
    "`aws_iam_role_policy` / `inline_policy`: split the grants across roles (one per workload), or " +
    "move stable statements to a managed policy attached to the role.",
  check: (r, g) => {
    const size = inlinePolicies(r, g).reduce<number>((sum, p) => sum + policySize(p), 0);
    return size > ROLE_INLINE_POLICY_LIMIT
      ? fail(`role ${show(r.config.name)}: inline policies total about ${size} characters, over IAM's ${ROLE_INLINE_POLICY_LIMIT}`)
      : pass;
  },
};
