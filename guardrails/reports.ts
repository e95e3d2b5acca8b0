/** guardrails.json, guardrails.sarif (SARIF 2.1.0) and guardrails.md for one stack. */
import type { Finding, StackReport } from "./engine";
import { controlsOf } from "./packs";
import { ALL_RULES } from "./rules";

export function jsonReport(report: StackReport): string {
  const count = (s: Finding["status"]) => report.findings.filter((f) => f.status === s).length;
  return `${JSON.stringify({ stack: report.stack, summary: { passed: count("passed"), failed: count("failed"), unknown: count("unknown"), suppressed: count("suppressed") }, rulesEvaluated: report.rulesEvaluated, context: report.context, findings: report.findings.map((f) => ({ ...f, controls: controlsOf(f.ruleId) })), staleSuppressions: report.staleSuppressions }, null, 2)}\n`;
}

const SARIF_LEVEL = { critical: "error", high: "error", medium: "warning", low: "note" } as const;

/** SARIF 2.1.0; `file` is the Terraform JSON the findings are in, relative to the repo root. */
export function sarifReport(report: StackReport, file: string): string {
  const reported = report.findings.filter((f) => f.status !== "passed");
  const rules = ALL_RULES.filter((r) => reported.some((f) => f.ruleId === r.id));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "regulated-cdktf-guardrails",
            informationUri: "https://www.checkov.io/5.Policy%20Index/terraform.html",
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              help: { text: r.fix },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              properties: { checkov: r.checkov ?? null, trivy: r.trivy ?? [], severity: r.severity, ...controlsOf(r.id) },
            })),
          },
        },
        results: reported.map((f) => ({
          ruleId: f.ruleId,
          level: f.status === "suppressed" ? "note" : SARIF_LEVEL[f.severity],
          message: { text: `${f.address}: ${f.detail ?? f.description}. Fix: ${f.fix}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: file } }, logicalLocations: [{ fullyQualifiedName: f.address, kind: "resource" }] }],
          ...(f.status === "suppressed" ? { suppressions: [{ kind: "inSource", justification: f.justification }] } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

export function markdownReport(report: StackReport): string {
  const by = (s: Finding["status"]) => report.findings.filter((f) => f.status === s);
  const controls = (id: string) => {
    const c = controlsOf(id);
    return [...c.hipaa.map((h) => `HIPAA ${h}`), ...c.gdpr.map((g) => `GDPR ${g}`)].join("; ");
  };
  const row = (f: Finding) =>
    `| \`${f.address}\` | ${f.ruleId} | ${[f.checkov, ...(f.trivy ?? [])].filter(Boolean).join(", ")} | ${f.severity} | ${controls(f.ruleId)} | ${(f.justification ?? f.detail ?? f.description).replace(/\|/g, "\\|")} |`;
  const table = (title: string, list: Finding[], last: string) =>
    list.length === 0
      ? [`## ${title} (0)`, ""]
      : [`## ${title} (${list.length})`, "", `| resource | rule | scanner ids | severity | controls | ${last} |`, "|---|---|---|---|---|---|", ...list.map(row), ""];
  return [
    `# Guardrails: ${report.stack}`,
    "",
    `${report.rulesEvaluated} rules evaluated. Passed ${by("passed").length}, failed ${by("failed").length}, unknown ${by("unknown").length}, suppressed ${by("suppressed").length}.`,
    "",
    ...table("Failed", by("failed"), "what is wrong"),
    ...table("Unknown", by("unknown"), "why it could not decide"),
    ...table("Suppressed", by("suppressed"), "justification"),
    ...(report.staleSuppressions.length ? ["## Stale suppressions", "", ...report.staleSuppressions.map((s) => `- ${s.id} on \`${s.constructPath}\` (${s.source}): matches no finding`), ""] : []),
    ...table("Passed", by("passed"), "rule"),
  ].join("\n");
}
