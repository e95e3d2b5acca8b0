/**
 * CKV_AWS_32 (Checkov CKV_AWS_32; Trivy AWS-0032): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECRPolicy.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ecr/no_public_access.rego.
 */
import type { Rule } from "../../types";
import { isInternetAccessible, policyRule } from "../helpers";

export const CKV_AWS_32: Rule = policyRule(
  {
    id: "CKV_AWS_32",
    checkov: "CKV_AWS_32",
    trivy: ["AWS-0032", "aws-ecr-no-public-access"],
    severity: "critical",
    resourceTypes: ["aws_ecr_repository_policy"],
    description:
      "No Allow is open to everyone (cloudsplaining, as Checkov: a wildcard principal needs a narrowing condition such as " +
      "aws:PrincipalOrgID or aws:SourceAccount).",
    fix: "`policy`: name the accounts or roles that may pull, or add a Condition such as aws:PrincipalOrgID.",
  },
  "policy",
  (st) => (st.some(isInternetAccessible) ? "the repository is readable by anyone" : undefined),
);
