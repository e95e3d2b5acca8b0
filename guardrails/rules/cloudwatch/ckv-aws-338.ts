/**
 * CKV_AWS_338 (Checkov CKV_AWS_338): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudWatchLogGroupRetentionYear.py.
 */
import { fail, pass, type Rule, unknown } from "../../types";
import { LOG_GROUP } from "./shared";

export const CKV_AWS_338: Rule = {
  id: "CKV_AWS_338",
  checkov: "CKV_AWS_338",
  severity: "low",
  resourceTypes: LOG_GROUP,
  description: "retention_in_days is an integer >= 365, or 0 (never expire).",
  fix: "`retention_in_days`: 365 or more, or 0 to never expire (the presets do this).",
  check: (r) => {
    const v = r.config.retention_in_days;
    if (typeof v !== "number") return v === undefined ? fail("retention not set") : unknown(`retention_in_days is ${v}`);
    return v === 0 || v >= 365 ? pass : fail(`retention_in_days is ${v}`);
  },
};
