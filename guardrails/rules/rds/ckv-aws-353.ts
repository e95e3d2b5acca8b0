/**
 * CKV_AWS_353 (Checkov CKV_AWS_353): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSInstancePerformanceInsights.py.
 * Trivy's AWS-0133 has no exemption: it is its own rule (aws-0133.ts).
 */
import { notApplicable, type Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { INSTANCES } from "./shared";

/** The classes on which Checkov gives MySQL and MariaDB UNKNOWN (Performance Insights not offered). */
const CHECKOV_NO_INSIGHTS_CLASSES = ["db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"];

const meta = {
  id: "CKV_AWS_353",
  checkov: "CKV_AWS_353",
  severity: "low",
  resourceTypes: INSTANCES,
  description:
    "performance_insights_enabled = true (Checkov: unknown for engine mysql or mariadb on db.t2/t3/t4g micro and small, " +
    "and for db2-se and db2-ae).",
  fix: "`performance_insights_enabled = true` with `performance_insights_kms_key_id` (Database does this).",
} as const;
const insightsOn = mustBeTrue(meta, "performance_insights_enabled");

export const CKV_AWS_353: Rule = {
  ...insightsOn,
  check: (r, g, context) => {
    const engine = String(r.config.engine);
    const noInsights = ["mysql", "mariadb"].includes(engine) && CHECKOV_NO_INSIGHTS_CLASSES.includes(String(r.config.instance_class));
    return noInsights || ["db2-se", "db2-ae"].includes(engine) ? notApplicable : insightsOn.check(r, g, context);
  },
};
