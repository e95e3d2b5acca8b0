/**
 * AWS-0345 (Trivy AWS-0345): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/iam/limit_s3_full_access.rego.
 */
import type { Rule } from "../../types";
import { list, policyRule } from "../helpers";
import { allows, POLICIES } from "./shared";

export const AWS_0345: Rule = policyRule(
  {
    id: "AWS-0345",
    trivy: ["AWS-0345", "aws-iam-no-s3-full-access"],
    severity: "high",
    resourceTypes: POLICIES,
    description: "No Allow of s3:* without a Deny on s3:*.",
    fix: "`Action`: named S3 actions, not s3:* (the grant methods do this).",
  },
  "policy",
  (st) =>
    allows(st).some((s) => list(s.Action).some((a) => a.toLowerCase() === "s3:*")) &&
    !st.some((s) => s.Effect === "Deny" && list(s.Action).some((a) => a.toLowerCase() === "s3:*"))
      ? "s3:* allowed"
      : undefined,
);
