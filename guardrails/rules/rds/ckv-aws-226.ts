/**
 * CKV_AWS_226 (Checkov CKV_AWS_226): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/DBInstanceMinorUpgrade.py.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { INSTANCES } from "./shared";

export const CKV_AWS_226: Rule = mustBeTrue(
  {
    id: "CKV_AWS_226",
    checkov: "CKV_AWS_226",
    severity: "low",
    resourceTypes: INSTANCES,
    description: "auto_minor_version_upgrade = true (set explicitly).",
    fix: "`auto_minor_version_upgrade = true`, set explicitly (Database does this).",
  },
  "auto_minor_version_upgrade",
);
