/**
 * CKV_AWS_324 (Checkov CKV_AWS_324): its `description` below says what it checks.
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
    fix: '`enabled_cloudwatch_logs_exports = ["postgresql"]` for aurora-postgresql (AuroraCluster does this).',
  },
  "enabled_cloudwatch_logs_exports",
);
