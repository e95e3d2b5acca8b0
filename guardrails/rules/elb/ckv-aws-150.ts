/**
 * CKV_AWS_150 (Checkov CKV_AWS_150): its `description` below says what it checks.
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
    fix: "`enable_deletion_protection = true` (LoadBalancer does this where the preset asks for it).",
  },
  "enable_deletion_protection",
);
