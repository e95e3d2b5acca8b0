/** KMS: scanner-rules.md §2.6. */
import { fail, notApplicable, pass, type Rule } from "../types";
import { companionRule, isFalse, isTrue, isWildcardPrincipal, policyRule } from "./helpers";

const KEY = ["aws_kms_key"];

export const kmsRules: Rule[] = [
  {
    id: "CKV_AWS_7",
    checkov: "CKV_AWS_7",
    trivy: ["AWS-0065", "aws-kms-auto-rotate-keys"],
    severity: "medium",
    resourceTypes: KEY,
    description: "enable_key_rotation = true for symmetric/HMAC keys (Trivy skips SIGN_VERIFY keys).",
    fix: "Set enable_key_rotation = true (EncryptionKey does).",
    check: (k) => {
      const spec = k.config.customer_master_key_spec;
      if ((spec !== undefined && spec !== "SYMMETRIC_DEFAULT" && !String(spec).startsWith("HMAC")) || k.config.key_usage === "SIGN_VERIFY")
        return notApplicable;
      return isTrue(k.config.enable_key_rotation) ? pass : fail("key rotation is off");
    },
  },
  policyRule(
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
  ),
  {
    id: "CKV_AWS_227",
    checkov: "CKV_AWS_227",
    severity: "low",
    resourceTypes: KEY,
    description: "is_enabled is not false.",
    fix: "Remove is_enabled = false, or delete the key deliberately.",
    check: (k) => (isFalse(k.config.is_enabled) ? fail("key is disabled") : pass),
  },
  companionRule(
    {
      id: "CKV2_AWS_64",
      checkov: "CKV2_AWS_64",
      severity: "medium",
      resourceTypes: KEY,
      description: "An explicit key policy exists (inline policy or an aws_kms_key_policy).",
      fix: "Write the key policy (EncryptionKey always does).",
    },
    ["aws_kms_key_policy"],
    () => true,
    "no key policy: the default policy applies",
    (k) => typeof k.config.policy === "string" && k.config.policy.length > 0,
  ),
];
