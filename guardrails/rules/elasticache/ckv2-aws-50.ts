/**
 * CKV2_AWS_50 (Checkov CKV2_AWS_50): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/ElastiCacheRedisConfiguredAutomaticFailOver.yaml.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { RG } from "./shared";

export const CKV2_AWS_50: Rule = mustBeTrue(
  {
    id: "CKV2_AWS_50",
    checkov: "CKV2_AWS_50",
    severity: "medium",
    resourceTypes: RG,
    description: "automatic_failover_enabled = true (needs 2+ nodes).",
    fix: "`automatic_failover_enabled = true` with 2+ nodes, or suppress for single-node dev caches.",
  },
  "automatic_failover_enabled",
);
