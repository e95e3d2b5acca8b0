/** Secrets Manager: scanner-rules.md §2.14. */
import { fail, pass, type Rule } from "../types";
import { companionRule, get } from "./helpers";

export const secretsmanagerRules: Rule[] = [
  { id: "CKV_AWS_149", checkov: "CKV_AWS_149", trivy: ["AWS-0098", "aws-ssm-secret-use-customer-key"], severity: "high", resourceTypes: ["aws_secretsmanager_secret"], description: "kms_key_id is set and not an aws/ managed key.", fix: "Set kms_key_id to the environment's CMK.", check: (s) => (s.config.kms_key_id && !String(s.config.kms_key_id).includes("aws/") ? pass : fail("secret uses the AWS-managed key")) },
  companionRule(
    { id: "CKV2_AWS_57", checkov: "CKV2_AWS_57", severity: "medium", resourceTypes: ["aws_secretsmanager_secret"], description: "An aws_secretsmanager_secret_rotation references the secret.", fix: "Attach a rotation Lambda, or suppress for externally issued credentials with the manual-rotation runbook." },
    ["aws_secretsmanager_secret_rotation"], () => true, "the secret is never rotated",
  ),
  {
    id: "CKV_AWS_304", checkov: "CKV_AWS_304", severity: "medium", resourceTypes: ["aws_secretsmanager_secret_rotation"], description: "Rotation every 90 days or less (days, rate() or cron()).", fix: "Set rotation_rules.automatically_after_days <= 90.",
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
  },
];
