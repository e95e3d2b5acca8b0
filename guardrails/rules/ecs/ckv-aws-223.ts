/**
 * CKV_AWS_223 (Checkov CKV_AWS_223): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSClusterLoggingEnabled.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";

export const CKV_AWS_223: Rule = {
  id: "CKV_AWS_223",
  checkov: "CKV_AWS_223",
  severity: "medium",
  resourceTypes: ["aws_ecs_cluster"],
  description: "ECS Exec logging is not NONE.",
  fix: '`execute_command_configuration.logging`: "OVERRIDE" or "DEFAULT", not "NONE" (ContainerCluster does this).',
  check: (r) =>
    get(r.config, "configuration.execute_command_configuration.logging") === "NONE" ? fail("ECS Exec sessions are not logged") : pass,
};
