/**
 * CKV_AWS_323 (Checkov CKV_AWS_323): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElastiCacheHasCustomSubnet.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";

export const CKV_AWS_323: Rule = mustBeSet(
  {
    id: "CKV_AWS_323",
    checkov: "CKV_AWS_323",
    severity: "medium",
    resourceTypes: ["aws_elasticache_cluster"],
    description: "subnet_group_name is set (the cluster runs in the VPC's data subnets).",
    fix: "`subnet_group_name`: the data-tier subnet group.",
  },
  "subnet_group_name",
);
