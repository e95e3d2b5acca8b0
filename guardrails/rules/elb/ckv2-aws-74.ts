/**
 * CKV2_AWS_74 (Checkov CKV2_AWS_74): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/LBWeakCiphers.yaml.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { CHECKOV_WEAK_POLICIES, LISTENER } from "./shared";

export const CKV2_AWS_74: Rule = {
  id: "CKV2_AWS_74",
  checkov: "CKV2_AWS_74",
  severity: "medium",
  resourceTypes: LISTENER,
  description:
    "HTTPS/TLS listeners set ssl_policy explicitly, and not to one of the weak policies Checkov lists (ELBSecurityPolicy-2016-08 " +
    "and older).",
  fix: '`ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (LoadBalancer does this).',
  check: (l) => {
    if (!["HTTPS", "TLS"].includes(String(l.config.protocol))) return notApplicable;
    const p = l.config.ssl_policy;
    if (!p) return fail("ssl_policy not set");
    return CHECKOV_WEAK_POLICIES.includes(String(p)) ? fail(`ssl_policy ${p} has weak ciphers`) : pass;
  },
};
