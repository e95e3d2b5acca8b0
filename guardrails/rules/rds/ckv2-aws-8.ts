/**
 * CKV2_AWS_8 (Checkov CKV2_AWS_8): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/RDSClusterHasBackupPlan.yaml.
 */
import type { Rule } from "../../types";
import { companionRule } from "../helpers";
import { CLUSTER } from "./shared";

export const CKV2_AWS_8: Rule = companionRule(
  {
    id: "CKV2_AWS_8",
    checkov: "CKV2_AWS_8",
    severity: "medium",
    resourceTypes: CLUSTER,
    description: "An aws_backup_selection references the cluster.",
    fix: "`aws_backup_selection` with `resources` = [the cluster's ARN] in an AWS Backup plan (BackupPlan does this).",
  },
  ["aws_backup_selection"],
  () => true,
  "the cluster is in no AWS Backup selection",
);
