/**
 * AWS-0342 (Trivy AWS-0342): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/iam/filter_iam_pass_role.rego.
 */
import type { Rule } from "../../types";
import { list, policyRule } from "../helpers";
import { allows, POLICIES } from "./shared";

export const AWS_0342: Rule = policyRule(
  {
    id: "AWS-0342",
    trivy: ["AWS-0342", "aws-iam-filter-passrole-access"],
    severity: "high",
    resourceTypes: POLICIES,
    description: "An Allow of iam:PassRole needs a Deny on iam:PassRole in the same policy (Trivy ignores Resource scoping).",
    fix:
      "`Resource` of iam:PassRole: the role ARNs, with an iam:PassedToService Condition; suppress with " +
      "that reason (Trivy asks for a Deny).",
  },
  "policy",
  (st) =>
    allows(st).some((s) => list(s.Action).includes("iam:PassRole")) &&
    !st.some((s) => s.Effect === "Deny" && list(s.Action).includes("iam:PassRole"))
      ? "iam:PassRole allowed"
      : undefined,
);
