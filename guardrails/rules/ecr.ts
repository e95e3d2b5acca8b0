/** ECR: scanner-rules.md §2.7. */
import { fail, pass, type Rule } from "../types";
import { get, isInternetAccessible, mustBeTrue, policyRule } from "./helpers";

const REPO = ["aws_ecr_repository"];

export const ecrRules: Rule[] = [
  mustBeTrue(
    {
      id: "CKV_AWS_163",
      checkov: "CKV_AWS_163",
      trivy: ["AWS-0030", "aws-ecr-enable-image-scans"],
      severity: "high",
      resourceTypes: REPO,
      description: "image_scanning_configuration.scan_on_push = true (a registry-level scan setting does not count).",
      fix: "Set image_scanning_configuration { scan_on_push = true }.",
    },
    "image_scanning_configuration.scan_on_push",
  ),
  {
    id: "CKV_AWS_51",
    checkov: "CKV_AWS_51",
    trivy: ["AWS-0031", "aws-ecr-enforce-immutable-repository"],
    severity: "high",
    resourceTypes: REPO,
    description: "image_tag_mutability is exactly IMMUTABLE.",
    fix: 'Set image_tag_mutability = "IMMUTABLE".',
    check: (r) =>
      r.config.image_tag_mutability === "IMMUTABLE"
        ? pass
        : fail(`image_tag_mutability is ${r.config.image_tag_mutability ?? "not set (MUTABLE)"}`),
  },
  {
    id: "CKV_AWS_136",
    checkov: "CKV_AWS_136",
    severity: "high",
    resourceTypes: REPO,
    description:
      "encryption_configuration.encryption_type = KMS (Checkov: the AWS-managed aws/ecr key counts; AWS-0033 asks for a kms_key).",
    fix: 'Set encryption_configuration { encryption_type = "KMS", kms_key = <CMK arn> }.',
    check: (r) => (get(r.config, "encryption_configuration.encryption_type") === "KMS" ? pass : fail("not encrypted with KMS")),
  },
  {
    id: "AWS-0033",
    trivy: ["AWS-0033", "aws-ecr-repository-customer-key"],
    severity: "high",
    resourceTypes: REPO,
    description: "encryption_configuration.encryption_type = KMS with a kms_key (a customer-managed key), as Trivy checks it.",
    fix: 'Set encryption_configuration { encryption_type = "KMS", kms_key = <CMK arn> }.',
    check: (r) =>
      get(r.config, "encryption_configuration.encryption_type") === "KMS" && get(r.config, "encryption_configuration.kms_key")
        ? pass
        : fail("not encrypted with a customer-managed KMS key"),
  },
  policyRule(
    {
      id: "CKV_AWS_32",
      checkov: "CKV_AWS_32",
      trivy: ["AWS-0032", "aws-ecr-no-public-access"],
      severity: "critical",
      resourceTypes: ["aws_ecr_repository_policy"],
      description:
        "No Allow is open to everyone (cloudsplaining, as Checkov: a wildcard principal needs a narrowing condition such as " +
          "aws:PrincipalOrgID or aws:SourceAccount).",
      fix: "Name the accounts or roles that may pull.",
    },
    "policy",
    (st) => (st.some(isInternetAccessible) ? "the repository is readable by anyone" : undefined),
  ),
];
