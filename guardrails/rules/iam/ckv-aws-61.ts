/**
 * CKV_AWS_61 (Checkov CKV_AWS_61): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/IAMRoleAllowAssumeFromAccount.py.
 */
import type { Rule } from "../../types";
import { principalValues, trustRule } from "./shared";

export const CKV_AWS_61: Rule = trustRule(
  {
    id: "CKV_AWS_61",
    checkov: "CKV_AWS_61",
    severity: "high",
    resourceTypes: ["aws_iam_role"],
    description: "The trust policy does not allow a whole account (account id or :root) to assume the role.",
    fix:
      "`assume_role_policy`: trust specific roles; if an account must be trusted, add aws:PrincipalArn " +
      "conditions and suppress with the reason.",
  },
  (s) =>
    s.Effect === "Allow" &&
    principalValues(s.Principal, "AWS").some((p) => /^\d{12}$/.test(p) || /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(p))
      ? "a whole account may assume this role"
      : undefined,
);
