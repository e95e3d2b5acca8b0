/**
 * CKV_AWS_60 (Checkov CKV_AWS_60): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/IAMRoleAllowsPublicAssume.py.
 */
import type { Rule } from "../../types";
import { principalValues, trustRule } from "./shared";

export const CKV_AWS_60: Rule = trustRule(
  {
    id: "CKV_AWS_60",
    checkov: "CKV_AWS_60",
    severity: "critical",
    resourceTypes: ["aws_iam_role"],
    description: "The trust policy lets no `AWS: *` principal assume the role.",
    stricter: 'Checkov: a string Principal "*" passes there (it looks for an AWS key); here it fails as AWS *.',
    fix: "`assume_role_policy`: name the principals that may assume the role, not AWS *.",
  },
  (s) =>
    s.Effect !== "Deny" && (s.Principal === "*" || principalValues(s.Principal, "AWS").includes("*"))
      ? "anyone may assume this role"
      : undefined,
);
