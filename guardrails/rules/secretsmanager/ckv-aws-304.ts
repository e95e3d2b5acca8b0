/**
 * CKV_AWS_304 (Checkov CKV_AWS_304): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SecretManagerSecret90days.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";

export const CKV_AWS_304: Rule = {
  id: "CKV_AWS_304",
  checkov: "CKV_AWS_304",
  severity: "medium",
  resourceTypes: ["aws_secretsmanager_secret_rotation"],
  description: "Rotation every 90 days or less (days, rate() or cron()).",
  fix: "`rotation_rules.automatically_after_days`: 90 or less.",
  check: (r) => {
    const days = get(r.config, "rotation_rules.automatically_after_days");
    const expr = String(get(r.config, "rotation_rules.schedule_expression") ?? "");
    if (typeof days === "number") return days <= 90 ? pass : fail(`rotates every ${days} days`);
    if (expr.startsWith("cron(")) return pass;
    const m = /^rate\((\d+) (day|days|hour|hours|minute|minutes)\)$/.exec(expr);
    if (!m) return fail("no rotation schedule");
    const inDays = Number(m[1]) / (m[2].startsWith("day") ? 1 : m[2].startsWith("hour") ? 24 : 1440);
    return inDays <= 90 ? pass : fail(`rotates every ${inDays} days`);
  },
};
