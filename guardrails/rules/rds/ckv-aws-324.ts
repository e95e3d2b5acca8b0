/**
 * CKV_AWS_324 (Checkov CKV_AWS_324): enabled_cloudwatch_logs_exports is non-empty.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSClusterLogging.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";
import { CLUSTER } from "./shared";

export const CKV_AWS_324: Rule = mustBeSet(
  {
    id: "CKV_AWS_324",
    checkov: "CKV_AWS_324",
    severity: "medium",
    resourceTypes: CLUSTER,
    description: "enabled_cloudwatch_logs_exports is non-empty.",
    fix: 'Export ["postgresql"] (aurora-postgresql).',
  },
  "enabled_cloudwatch_logs_exports",
);
