/**
 * CKV_AWS_33 (Checkov CKV_AWS_33): its `description` below says what it checks.
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
    fix:
      "`policy`: grant the account root or named roles and services; add a Condition to any " +
      "wildcard-principal statement (EncryptionKey does this).",
  },
  "policy",
  (st) =>
    st.some((s) => s.Effect !== "Deny" && !s.Condition && isWildcardPrincipal(s.Principal))
      ? "an Allow statement has Principal * and no Condition"
      : undefined,
);
