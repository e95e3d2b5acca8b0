/**
 * CKV_AWS_51 (Checkov CKV_AWS_51; Trivy AWS-0031): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECRImmutableTags.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ecr/enforce_immutable_repository.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { REPO } from "./shared";

export const CKV_AWS_51: Rule = {
  id: "CKV_AWS_51",
  checkov: "CKV_AWS_51",
  trivy: ["AWS-0031", "aws-ecr-enforce-immutable-repository"],
  severity: "high",
  resourceTypes: REPO,
  description: "image_tag_mutability is exactly IMMUTABLE.",
  fix: '`image_tag_mutability = "IMMUTABLE"` (ContainerRepository does this).',
  check: (r) =>
    r.config.image_tag_mutability === "IMMUTABLE"
      ? pass
      : fail(`image_tag_mutability is ${r.config.image_tag_mutability ?? "not set (MUTABLE)"}`),
};
