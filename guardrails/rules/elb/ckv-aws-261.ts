/**
 * CKV_AWS_261 (Checkov CKV_AWS_261): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/LBTargetGroupsDefinesHealthcheck.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { TARGET_GROUP } from "./shared";

export const CKV_AWS_261: Rule = {
  id: "CKV_AWS_261",
  checkov: "CKV_AWS_261",
  severity: "low",
  resourceTypes: TARGET_GROUP,
  description: "HTTP/HTTPS target groups set health_check.path.",
  fix: '`health_check { path = "/healthz" }` (LoadBalancer does this).',
  check: (tg) =>
    !["HTTP", "HTTPS"].includes(String(tg.config.protocol))
      ? notApplicable
      : get(tg.config, "health_check.path")
        ? pass
        : fail("no health check path"),
};
