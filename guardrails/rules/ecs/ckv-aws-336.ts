/**
 * CKV_AWS_336 (Checkov CKV_AWS_336): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSContainerReadOnlyRoot.py.
 */
import type { Rule } from "../../types";
import { everyContainer, TASK } from "./shared";

export const CKV_AWS_336: Rule = {
  id: "CKV_AWS_336",
  checkov: "CKV_AWS_336",
  severity: "medium",
  resourceTypes: TASK,
  description: "Every container has readonlyRootFilesystem = true.",
  fix: "`container_definitions[].readonlyRootFilesystem = true`, with a volume mounted for /tmp (ContainerTask does this).",
  check: (r) => everyContainer(r, (c) => (c.readonlyRootFilesystem === true ? undefined : `${c.name}: root filesystem is writable`)),
};
