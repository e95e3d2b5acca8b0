/**
 * CKV_AWS_150 (Checkov CKV_AWS_150): enable_deletion_protection = true.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/LBDeletionProtection.py.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { LB } from "./shared";

export const CKV_AWS_150: Rule = mustBeTrue(
  {
    id: "CKV_AWS_150",
    checkov: "CKV_AWS_150",
    severity: "medium",
    resourceTypes: LB,
    description: "enable_deletion_protection = true.",
    fix: "Set enable_deletion_protection = true.",
  },
  "enable_deletion_protection",
);
