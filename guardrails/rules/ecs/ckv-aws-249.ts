/**
 * CKV_AWS_249 (Checkov CKV_AWS_249): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSTaskDefinitionRoleCheck.py.
 */
import { fail, pass, type Rule } from "../../types";
import { TASK } from "./shared";

export const CKV_AWS_249: Rule = {
  id: "CKV_AWS_249",
  checkov: "CKV_AWS_249",
  severity: "medium",
  resourceTypes: TASK,
  description: "execution_role_arn differs from task_role_arn.",
  fix: "`task_role_arn`: a role of the task's own, not its `execution_role_arn` (ContainerTask does this).",
  check: (r) =>
    r.config.execution_role_arn && r.config.execution_role_arn === r.config.task_role_arn
      ? fail("task and execution role are the same")
      : pass,
};
