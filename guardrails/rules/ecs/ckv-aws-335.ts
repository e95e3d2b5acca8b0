/**
 * CKV_AWS_335 (Checkov CKV_AWS_335): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSContainerHostProcess.py.
 */
import { fail, type Rule } from "../../types";
import { everyContainer, TASK } from "./shared";

export const CKV_AWS_335: Rule = {
  id: "CKV_AWS_335",
  checkov: "CKV_AWS_335",
  severity: "high",
  resourceTypes: TASK,
  description: "No container uses pidMode host.",
  stricter: "Checkov: it reads only the containers' pidMode; the task's own pid_mode = host (what AWS applies) fails here too.",
  fix: '`pid_mode` and `container_definitions[].pidMode`: remove "host".',
  check: (r) =>
    r.config.pid_mode === "host"
      ? fail("pid_mode is host")
      : everyContainer(r, (c) => (c.pidMode === "host" ? `${c.name}: pidMode host` : undefined)),
};
