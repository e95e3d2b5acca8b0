/**
 * CKV_AWS_249 (Checkov CKV_AWS_249): execution_role_arn differs from task_role_arn.
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
  fix: "Give the task its own role, separate from the execution role.",
  check: (r) =>
    r.config.execution_role_arn && r.config.execution_role_arn === r.config.task_role_arn
      ? fail("task and execution role are the same")
      : pass,
};
