/**
 * CKV_AWS_313 (Checkov CKV_AWS_313): copy_tags_to_snapshot = true.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSClusterCopyTags.py.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { CLUSTER } from "./shared";

export const CKV_AWS_313: Rule = mustBeTrue(
  {
    id: "CKV_AWS_313",
    checkov: "CKV_AWS_313",
    severity: "low",
    resourceTypes: CLUSTER,
    description: "copy_tags_to_snapshot = true.",
    fix: "Set copy_tags_to_snapshot = true.",
  },
  "copy_tags_to_snapshot",
);
