/**
 * CKV_AWS_250 (Checkov CKV_AWS_250): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSPostgreSQLLogFDWExtension.py.
 */
import { fail, notApplicable, pass, type Rule, unknown } from "../../types";

export const CKV_AWS_250: Rule = {
  id: "CKV_AWS_250",
  checkov: "CKV_AWS_250",
  severity: "medium",
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  description:
    "PostgreSQL engine_version is patched for the log_fdw extension: postgres >= 14, 13.3, 12.7, 11.12, 10.17 (9.6.22); " +
    "aurora-postgresql >= 12, 11.9, 10.14. A one-part major at or above the first patched major passes (every minor of it " +
    "has the fix; Checkov says UNKNOWN, which does not fail); other one-part versions are unknown.",
  fix: '`engine_version`: a major of 14 or later ("16"; auto minor upgrades move the minor), or a patched minor such as 13.3.',
  check: (r) => {
    const engine = String(r.config.engine);
    if (!["postgres", "aurora-postgresql"].includes(engine)) return notApplicable;
    const aurora = engine === "aurora-postgresql";
    const v = String(r.config.engine_version ?? "");
    if (/^\d+$/.test(v) && Number(v) >= (aurora ? 12 : 14)) return pass;
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(v);
    if (!m) return unknown(`engine_version ${v || "not set"} has no minor version`);
    const [major, minor, patch] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
    const ok = aurora
      ? major >= 12 || (major === 11 && minor > 8) || (major === 10 && minor > 13)
      : major >= 14 ||
        (major === 13 && minor > 2) ||
        (major === 12 && minor > 6) ||
        (major === 11 && minor > 11) ||
        (major === 10 && minor > 16) ||
        (major === 9 && minor === 6 && patch !== undefined && patch > 21);
    return ok ? pass : fail(`engine_version ${v} lacks the log_fdw fix`);
  },
};
