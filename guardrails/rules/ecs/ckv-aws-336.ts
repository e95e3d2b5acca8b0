/**
 * CKV_AWS_336 (Checkov CKV_AWS_336): Every container has readonlyRootFilesystem = true.
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
  fix: "Set readonlyRootFilesystem and mount a volume for /tmp.",
  check: (r) => everyContainer(r, (c) => (c.readonlyRootFilesystem === true ? undefined : `${c.name}: root filesystem is writable`)),
};
