/** Readers and resource-type lists shared by the rds rules. */
import { fail, notApplicable, pass, type Rule } from "../../types";
import type { TfResource } from "../../graph";
import { blocks, isSet } from "../helpers";

export const INSTANCE = ["aws_db_instance"];
export const CLUSTER = ["aws_rds_cluster"];
export const INSTANCES = ["aws_db_instance", "aws_rds_cluster_instance"];
export const isReplica = (r: TfResource) => isSet(r.config.replicate_source_db);
export const paramNames = (pg: TfResource) => blocks(pg.config.parameter).map((p) => p.name);
/**
 * Query logging for PostgreSQL: a referenced parameter group sets both log parameters. Checkov
 * filters the engine with `within` on a string, a substring test: "postgres" and "aurora" are
 * within "aurora-postgresql".
 */
export function queryLoggingRule(meta: Omit<Rule, "check">, engineWithin: string, groupType: string): Rule {
  return {
    ...meta,
    check: (r, g) => {
      if (typeof r.config.engine !== "string" || !engineWithin.includes(r.config.engine)) return notApplicable;
      const ok = g
        .referencedBy(r, groupType)
        .some((pg) => paramNames(pg).includes("log_statement") && paramNames(pg).includes("log_min_duration_statement"));
      return ok ? pass : fail(`no ${groupType} with log_statement and log_min_duration_statement`);
    },
  };
}
export const param = (pg: TfResource, name: string) => blocks(pg.config.parameter).find((p) => p.name === name)?.value;
