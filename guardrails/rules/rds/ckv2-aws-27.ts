/**
 * CKV2_AWS_27 (Checkov CKV2_AWS_27): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/PostgresRDSHasQueryLoggingEnabled.yaml.
 */
import type { Rule } from "../../types";
import { CLUSTER, queryLoggingRule } from "./shared";

export const CKV2_AWS_27: Rule = queryLoggingRule(
  {
    id: "CKV2_AWS_27",
    checkov: "CKV2_AWS_27",
    severity: "low",
    resourceTypes: CLUSTER,
    description:
      'A cluster whose engine is within "aurora-postgresql" (Checkov\'s substring test: aurora-postgresql, postgres, aurora) ' +
      "has a cluster parameter group with log_statement and log_min_duration_statement.",
    fix: "`db_cluster_parameter_group_name`: a group that sets log_statement and log_min_duration_statement (AuroraCluster does this).",
  },
  "aurora-postgresql",
  "aws_rds_cluster_parameter_group",
);
