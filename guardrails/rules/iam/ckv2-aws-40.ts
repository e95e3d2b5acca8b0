/**
 * CKV2_AWS_40 (Checkov CKV2_AWS_40): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/IAMPolicyNotAllowFullIAMAccess.yaml.
 */
import type { Rule } from "../../types";
import { list, policyRule } from "../helpers";
import { allows, CKV_POLICIES, POLICY_ATTRS } from "./shared";

export const CKV2_AWS_40: Rule = policyRule(
  {
    id: "CKV2_AWS_40",
    checkov: "CKV2_AWS_40",
    severity: "critical",
    resourceTypes: [...CKV_POLICIES, "data.aws_iam_policy_document"],
    description: "No Allow of iam:* or * (in policies, and in aws_iam_policy_document data sources themselves, as Checkov reads them).",
    fix: "`Action` / `actions`: the specific IAM actions needed, not iam:* or *.",
  },
  POLICY_ATTRS,
  (st) => (allows(st).some((s) => list(s.Action).some((a) => a === "*" || a.toLowerCase() === "iam:*")) ? "full IAM access" : undefined),
);
