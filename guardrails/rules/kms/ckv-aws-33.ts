/**
 * CKV_AWS_33 (Checkov CKV_AWS_33): No statement that is not a Deny and has no Condition names a wildcard
 * principal (`*`, a list holding `*`, or AWS `*`).
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/KMSKeyWildcardPrincipal.py.
 */
import type { Rule } from "../../types";
import { isWildcardPrincipal, policyRule } from "../helpers";
import { KEY } from "./shared";

export const CKV_AWS_33: Rule = policyRule(
  {
    id: "CKV_AWS_33",
    checkov: "CKV_AWS_33",
    severity: "critical",
    resourceTypes: KEY,
    description: "No statement that is not a Deny and has no Condition names a wildcard principal (`*`, a list holding `*`, or AWS `*`).",
    fix: "Grant the account root or named roles/services; add Conditions to any wildcard statement.",
  },
  "policy",
  (st) =>
    st.some((s) => s.Effect !== "Deny" && !s.Condition && isWildcardPrincipal(s.Principal))
      ? "an Allow statement has Principal * and no Condition"
      : undefined,
);
