/**
 * CKV_AWS_65 (Checkov CKV_AWS_65; Trivy AWS-0034): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSClusterContainerInsights.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ecs/enable_container_insight.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks } from "../helpers";

export const CKV_AWS_65: Rule = {
  id: "CKV_AWS_65",
  checkov: "CKV_AWS_65",
  trivy: ["AWS-0034", "aws-ecs-enable-container-insight"],
  severity: "low",
  resourceTypes: ["aws_ecs_cluster"],
  description: "A setting containerInsights = enabled or enhanced.",
  fix: '`setting { name = "containerInsights", value = "enhanced" }` (ContainerCluster does this).',
  check: (r) =>
    blocks(r.config.setting).some((s) => s.name === "containerInsights" && ["enabled", "enhanced"].includes(String(s.value)))
      ? pass
      : fail("Container Insights is off"),
};
