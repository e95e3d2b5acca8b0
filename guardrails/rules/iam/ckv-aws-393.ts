/**
 * CKV_AWS_393 (Checkov CKV_AWS_393): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/GithubActionsOIDCTrustPolicyOnRole.py.
 */
import { fail, notApplicable, pass, type Rule, unknown } from "../../types";
import { isSet, policyStatements } from "../helpers";
import { GH_ABUSABLE, GH_OIDC, GH_REPO, GH_SUB, principalValues } from "./shared";

export const CKV_AWS_393: Rule = {
  id: "CKV_AWS_393",
  checkov: "CKV_AWS_393",
  severity: "critical",
  resourceTypes: ["aws_iam_role"],
  description:
    "The trust policy's first statement, if it trusts GitHub's OIDC provider, has a Condition whose first " +
    "token.actions.githubusercontent.com[/<org>]:sub value is not *, names a claim value, starts with no abusable " +
    "claim (workflow, environment, ref, context, head_ref, base_ref), and after repo: names <org>/<...> (Checkov's order).",
  fix:
    "`assume_role_policy`: a Condition StringLike token.actions.githubusercontent.com:sub = " +
    "repo:<org>/<repo>:environment:<env> (or :ref:refs/heads/main).",
  check: (r, g) => {
    // A role GitHub cannot assume is not this rule's business (Checkov passes it; reports
    // would list a GitHub rule "passing" on every service role).
    if (!isSet(r.config.assume_role_policy)) return notApplicable;
    const st = policyStatements(r.config.assume_role_policy, g);
    if (!st) return unknown("assume_role_policy is not readable JSON");
    for (const s of st) {
      if (typeof s !== "object" || s === null) continue;
      if (!principalValues(s.Principal, "Federated").some((f) => f.includes(GH_OIDC))) return notApplicable;
      if (!s.Condition || typeof s.Condition !== "object") return fail("GitHub OIDC trust without a Condition: any repo could assume it");
      for (const byKey of Object.values(s.Condition)) {
        if (typeof byKey !== "object" || byKey === null) continue;
        for (const [key, values] of Object.entries(byKey as Record<string, unknown>)) {
          if (!GH_SUB.test(key)) continue;
          for (const v of Array.isArray(values) ? values : [values]) {
            if (typeof v !== "string") continue;
            const claims = v.split(":");
            const bad =
              v === "*" ||
              claims.length === 1 ||
              claims[1] === "*" ||
              GH_ABUSABLE.some((c) => claims[0].startsWith(c)) ||
              (claims[0] === "repo" && !GH_REPO.test(claims[1]));
            return bad ? fail(`sub condition ${v} is too broad`) : pass;
          }
        }
      }
      return fail("no condition on token.actions.githubusercontent.com:sub: any GitHub repo could assume it");
    }
    return pass;
  },
};
