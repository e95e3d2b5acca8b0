/**
 * CKV_AWS_62 (Checkov CKV_AWS_62): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/IAMAdminPolicyDocument.py.
 */
import type { Rule } from "../../types";
import { list, policyRule } from "../helpers";
import { checkovAllows, CKV_POLICIES, POLICY_ATTRS } from "./shared";

export const CKV_AWS_62: Rule = policyRule(
  {
    id: "CKV_AWS_62",
    checkov: "CKV_AWS_62",
    severity: "critical",
    resourceTypes: CKV_POLICIES,
    description: "No Allow (a statement without Effect counts as one) of Action * on Resource *.",
    fix: "`Action` and `Resource`: named actions on named resources, not * on * (the grant methods do this).",
  },
  POLICY_ATTRS,
  (st) => (checkovAllows(st).some((s) => list(s.Action).includes("*") && list(s.Resource).includes("*")) ? "full admin (*:*)" : undefined),
);
