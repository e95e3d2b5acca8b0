/**
 * CKV2_AWS_30 (Checkov CKV2_AWS_30): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/PostgresDBHasQueryLoggingEnabled.yaml.
 */
import type { Rule } from "../../types";
import { INSTANCE, queryLoggingRule } from "./shared";

export const CKV2_AWS_30: Rule = queryLoggingRule(
  {
    id: "CKV2_AWS_30",
    checkov: "CKV2_AWS_30",
    severity: "low",
    resourceTypes: INSTANCE,
    description: "A postgres instance's parameter group sets log_statement and log_min_duration_statement (query logging).",
    stricter:
      "Checkov: its YAML joins the conditions with a top-level or, so every aws_db_instance passes there; " +
      "here a postgres instance needs a parameter group that sets both log parameters.",
    fix: "`parameter_group_name`: a group that sets log_statement and log_min_duration_statement (Database does this).",
  },
  "postgres",
  "aws_db_parameter_group",
);
