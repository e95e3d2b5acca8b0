/**
 * CKV2_AWS_57 (Checkov CKV2_AWS_57): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/SecretsAreRotated.yaml.
 */
import type { Rule } from "../../types";
import { companionRule } from "../helpers";

export const CKV2_AWS_57: Rule = companionRule(
  {
    id: "CKV2_AWS_57",
    checkov: "CKV2_AWS_57",
    severity: "medium",
    resourceTypes: ["aws_secretsmanager_secret"],
    description: "An aws_secretsmanager_secret_rotation references the secret.",
    fix:
      "`aws_secretsmanager_secret_rotation` with a rotation Lambda, or suppress for externally issued " +
      "credentials with the manual-rotation runbook.",
  },
  ["aws_secretsmanager_secret_rotation"],
  () => true,
  "the secret is never rotated",
);
