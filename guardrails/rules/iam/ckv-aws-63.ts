/**
 * CKV_AWS_63 (Checkov CKV_AWS_63): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/IAMStarActionPolicyDocument.py.
 */
import type { Rule } from "../../types";
import { list, policyRule } from "../helpers";
import { checkovAllows, CKV_POLICIES, POLICY_ATTRS } from "./shared";

export const CKV_AWS_63: Rule = policyRule(
  {
    id: "CKV_AWS_63",
    checkov: "CKV_AWS_63",
    severity: "high",
    resourceTypes: CKV_POLICIES,
    description: "No Allow (a statement without Effect counts as one) of Action *.",
    fix: "`Action`: the actions needed, not *.",
  },
  POLICY_ATTRS,
  (st) => (checkovAllows(st).some((s) => list(s.Action).includes("*")) ? "Action *" : undefined),
);
