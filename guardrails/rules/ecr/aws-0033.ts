/**
 * AWS-0033 (Trivy AWS-0033): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ecr/repository_customer_key.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { REPO } from "./shared";

export const AWS_0033: Rule = {
  id: "AWS-0033",
  trivy: ["AWS-0033", "aws-ecr-repository-customer-key"],
  severity: "high",
  resourceTypes: REPO,
  description: "encryption_configuration.encryption_type = KMS with a kms_key (a customer-managed key), as Trivy checks it.",
  fix: '`encryption_configuration { encryption_type = "KMS", kms_key = <CMK ARN> }` (ContainerRepository does this).',
  check: (r) =>
    get(r.config, "encryption_configuration.encryption_type") === "KMS" && get(r.config, "encryption_configuration.kms_key")
      ? pass
      : fail("not encrypted with a customer-managed KMS key"),
};
