/**
 * CKV_AWS_334 (Checkov CKV_AWS_334): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSContainerPrivilege.py.
 */
import type { Rule } from "../../types";
import { everyContainer, TASK } from "./shared";

export const CKV_AWS_334: Rule = {
  id: "CKV_AWS_334",
  checkov: "CKV_AWS_334",
  severity: "high",
  resourceTypes: TASK,
  description: "No container runs privileged (Checkov reads the key `privilege`; we also check `privileged`).",
  fix: "`container_definitions[].privileged`: remove it.",
  check: (r) => everyContainer(r, (c) => (c.privileged === true || c.privilege === true ? `${c.name}: privileged` : undefined)),
};
