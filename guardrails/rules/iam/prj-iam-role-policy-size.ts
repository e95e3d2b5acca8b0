/**
 * PRJ_IAM_ROLE_POLICY_SIZE (project rule, no scanner equivalent): The role's inline policies together stay
 * within IAM's 10240 characters (whitespace not counted; each ${...} reference counted as 100), so apply does
 * not fail with LimitExceeded. Neither scanner checks this.
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
  fix: "Split the grants across roles (one per workload), or move stable statements into a customer-managed policy attached to the role.",
  check: (r, g) => {
    const size = inlinePolicies(r, g).reduce<number>((sum, p) => sum + policySize(p), 0);
    return size > ROLE_INLINE_POLICY_LIMIT
      ? fail(`role ${show(r.config.name)}: inline policies total about ${size} characters, over IAM's ${ROLE_INLINE_POLICY_LIMIT}`)
      : pass;
  },
};
