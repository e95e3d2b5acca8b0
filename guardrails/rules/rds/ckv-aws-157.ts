/**
 * CKV_AWS_157 (Checkov CKV_AWS_157): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSMultiAZEnabled.py.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { INSTANCE } from "./shared";

export const CKV_AWS_157: Rule = mustBeTrue(
  {
    id: "CKV_AWS_157",
    checkov: "CKV_AWS_157",
    severity: "medium",
    resourceTypes: INSTANCE,
    description: "multi_az = true.",
    fix: "`multi_az = true` (the staging and prod presets do this).",
  },
  "multi_az",
);
