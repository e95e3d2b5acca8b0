/**
 * CKV_AWS_355 (Checkov CKV_AWS_355): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/IAMStarResourcePolicyDocument.py.
 */
import type { Rule } from "../../types";
import { list, policyRule } from "../helpers";
import { allows, CKV_POLICIES, POLICY_ATTRS, restrictable } from "./shared";

export const CKV_AWS_355: Rule = policyRule(
  {
    id: "CKV_AWS_355",
    checkov: "CKV_AWS_355",
    severity: "medium",
    resourceTypes: CKV_POLICIES,
    description: "Resource * only for actions that cannot be scoped to an ARN (a wildcard action such as ec2:Describe* can be, in part).",
    fix: "`Resource`: the ARNs the statement needs, not *.",
  },
  POLICY_ATTRS,
  (st) => {
    const bad = allows(st)
      .filter((s) => list(s.Resource).includes("*"))
      .flatMap((s) => list(s.Action))
      .filter(restrictable);
    return bad.length ? `${bad.join(", ")} on Resource *` : undefined;
  },
);
