/**
 * CKV_AWS_313 (Checkov CKV_AWS_313): its `description` below says what it checks.
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
    fix: "`copy_tags_to_snapshot = true` (AuroraCluster does this).",
  },
  "copy_tags_to_snapshot",
);
