/**
 * CKV_AWS_332 (Checkov CKV_AWS_332): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSServiceFargateLatest.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";

export const CKV_AWS_332: Rule = {
  id: "CKV_AWS_332",
  checkov: "CKV_AWS_332",
  severity: "low",
  resourceTypes: ["aws_ecs_service"],
  description: "Fargate services run platform_version LATEST (or unset).",
  fix: '`platform_version`: remove it or set "LATEST".',
  check: (r) =>
    r.config.launch_type !== "FARGATE"
      ? notApplicable
      : r.config.platform_version === undefined || r.config.platform_version === "LATEST"
        ? pass
        : fail(`platform_version ${r.config.platform_version}`),
};
