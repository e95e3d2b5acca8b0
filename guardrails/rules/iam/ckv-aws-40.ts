/**
 * CKV_AWS_40 (Checkov CKV_AWS_40): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/IAMPolicyAttachedToGroupOrRoles.py.
 */
import { fail, pass, type Rule } from "../../types";
import { isSet } from "../helpers";

export const CKV_AWS_40: Rule = {
  id: "CKV_AWS_40",
  checkov: "CKV_AWS_40",
  severity: "medium",
  resourceTypes: ["aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"],
  description: "No policies attached to users (use roles).",
  fix: "`role` instead of `user`: attach policies to roles assumed through SSO/OIDC, not to IAM users.",
  check: (r) => (r.type === "aws_iam_policy_attachment" && !isSet(r.config.users) ? pass : fail("policy attached to IAM users")),
};
