/**
 * CKV_AWS_388 (Checkov CKV_AWS_388): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/UnpatchedAuroraPostgresDB.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { INSTANCE } from "./shared";

export const CKV_AWS_388: Rule = {
  id: "CKV_AWS_388",
  checkov: "CKV_AWS_388",
  severity: "medium",
  resourceTypes: INSTANCE,
  description: "aurora-postgresql engine_version is not one of 10.11-10.13 or 11.6-11.8 (unpatched).",
  fix: "`engine_version`: a patched aurora-postgresql version, not 10.11-10.13 or 11.6-11.8.",
  check: (r) =>
    r.config.engine !== "aurora-postgresql"
      ? notApplicable
      : ["10.11", "10.12", "10.13", "11.6", "11.7", "11.8"].includes(String(r.config.engine_version))
        ? fail(`engine_version ${r.config.engine_version} is unpatched`)
        : pass,
};
