/**
 * CKV_AWS_163 (Checkov CKV_AWS_163; Trivy AWS-0030): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECRImageScanning.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ecr/enable_image_scans.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { REPO } from "./shared";

export const CKV_AWS_163: Rule = mustBeTrue(
  {
    id: "CKV_AWS_163",
    checkov: "CKV_AWS_163",
    trivy: ["AWS-0030", "aws-ecr-enable-image-scans"],
    severity: "high",
    resourceTypes: REPO,
    description: "image_scanning_configuration.scan_on_push = true (a registry-level scan setting does not count).",
    fix: "`image_scanning_configuration { scan_on_push = true }` (ContainerRepository does this).",
  },
  "image_scanning_configuration.scan_on_push",
);
