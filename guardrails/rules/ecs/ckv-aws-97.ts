/**
 * CKV_AWS_97 (Checkov CKV_AWS_97; Trivy AWS-0035): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSTaskDefinitionEFSVolumeEncryption.py;
 * aquasecurity/trivy-checks/checks/cloud/aws/ecs/enable_in_transit_encryption.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks } from "../helpers";
import { TASK } from "./shared";

export const CKV_AWS_97: Rule = {
  id: "CKV_AWS_97",
  checkov: "CKV_AWS_97",
  trivy: ["AWS-0035", "aws-ecs-enable-in-transit-encryption"],
  severity: "high",
  resourceTypes: TASK,
  description: "Every EFS volume has transit_encryption = ENABLED.",
  fix: '`efs_volume_configuration.transit_encryption = "ENABLED"` on every EFS volume.',
  check: (r) =>
    blocks(r.config.volume).every((v) => blocks(v.efs_volume_configuration).every((e) => e.transit_encryption === "ENABLED"))
      ? pass
      : fail("an EFS volume is mounted without TLS"),
};
