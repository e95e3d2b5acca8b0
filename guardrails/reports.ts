/** guardrails.json, guardrails.sarif (SARIF 2.1.0) and guardrails.md for one stack. */
import type { Finding, StackReport } from "./engine";
import { controlsOf, FAMILY_REFERENCES, type ControlFamily } from "./packs";
import { ALL_RULES } from "./rules";

export function jsonReport(report: StackReport): string {
  const c = reportCounts(report);
  return `${JSON.stringify({ stack: report.stack, summary: { passed: c.passed, failed: c.failed, unknown: c.unknown, suppressed: c.suppressed, checks: c.checks, rulesApplied: c.rulesApplied, resources: c.resources }, rulesEvaluated: report.rulesEvaluated, context: report.context, findings: report.findings.map((f) => ({ ...f, controls: controlsOf(f.ruleId) })), staleSuppressions: report.staleSuppressions }, null, 2)}\n`;
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
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: file } },
              logicalLocations: [{ fullyQualifiedName: f.address, kind: "resource" }],
            },
          ],
          ...(f.status === "suppressed" ? { suppressions: [{ kind: "inSource", justification: f.justification }] } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** Counts a reviewer reads first: rules that applied, checks (one rule on one resource) by status. */
export function reportCounts(report: StackReport) {
  const count = (s: Finding["status"]) => report.findings.filter((f) => f.status === s).length;
  return {
    rulesApplied: new Set(report.findings.map((f) => f.ruleId)).size,
    rulesEvaluated: report.rulesEvaluated,
    resources: new Set(report.findings.map((f) => f.address)).size,
    checks: report.findings.length,
    passed: count("passed"),
    failed: count("failed"),
    unknown: count("unknown"),
    suppressed: count("suppressed"),
  };
}

/** One console line per stack or input: its counts and where its reviewer's report is. */
export function summaryLine(report: StackReport, markdownFile: string): string {
  const c = reportCounts(report);
  const problems = c.failed + c.unknown > 0 ? `, ${c.failed} failed, ${c.unknown} unknown` : "";
  return `  ${report.stack}: ${c.passed} checks passed, ${c.suppressed} suppressed${problems} (${c.rulesApplied} rules on ${c.resources} resource${c.resources === 1 ? "" : "s"}); report ${markdownFile}`;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const ids = (f: Finding) => [f.checkov, ...(f.trivy ?? []).filter((t) => t.startsWith("AWS-"))].filter(Boolean).join(", ") || f.ruleId;
const references = (ruleId: string) => {
  const c = controlsOf(ruleId);
  return [...c.hipaa.map((h) => `HIPAA ${h}`), ...c.gdpr.map((g) => `GDPR ${g}`)].join("; ") || "none";
};
const SEVERITY_ORDER = ["critical", "high", "medium", "low"];
const bySeverity = (a: Finding, b: Finding) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`), ""];
}

/** Status counts per group, in the groups' first-seen order. */
function tally(findings: readonly Finding[], key: (f: Finding) => string): [string, Record<Finding["status"], number>][] {
  const groups = new Map<string, Record<Finding["status"], number>>();
  for (const f of findings) {
    const g = groups.get(key(f)) ?? { passed: 0, failed: 0, unknown: 0, suppressed: 0 };
    g[f.status]++;
    groups.set(key(f), g);
  }
  return [...groups];
}

/**
 * guardrails.md, for a reviewer: counts, a summary per control family and per resource,
 * then what needs action (failed, unknown: each with its fix), the accepted exceptions with
 * their reasons, and the passed checks last, as an appendix.
 */
export function markdownReport(report: StackReport): string {
  const c = reportCounts(report);
  const by = (s: Finding["status"]) => report.findings.filter((f) => f.status === s).sort(bySeverity);
  const statusCells = (t: Record<Finding["status"], number>) => [
    String(t.passed),
    String(t.failed),
    String(t.unknown),
    String(t.suppressed),
  ];
  const familyOf = (f: Finding) => controlsOf(f.ruleId).family ?? "unclassified";
  const families = tally(report.findings, familyOf).sort(([a], [b]) => a.localeCompare(b));
  const resources = tally(report.findings, (f) => f.address)
    // Resources that need action first, then by address.
    .sort(([a, x], [b, y]) => y.failed + y.unknown - (x.failed + x.unknown) || a.localeCompare(b));
  const action = (title: string, list: Finding[], what: string) => [
    `## ${title} (${list.length})`,
    "",
    ...(list.length === 0
      ? ["None.", ""]
      : list.flatMap((f) => [
          `### \`${f.address}\`: ${ids(f)} (${f.severity})`,
          "",
          `- ${what}: ${f.detail}`,
          `- rule: ${f.description}`,
          `- fix: ${f.fix}`,
          `- controls: ${familyOf(f)} (${references(f.ruleId)})`,
          "",
        ])),
  ];
  const suppressed = by("suppressed");
  const passed = report.findings.filter((f) => f.status === "passed");
  return [
    `# Guardrails: ${report.stack}`,
    "",
    `${c.rulesApplied} of ${c.rulesEvaluated} rules apply to the ${c.resources} resources here, in ${c.checks} checks (one rule on one resource): ` +
      `${c.passed} passed, ${c.failed} failed, ${c.unknown} unknown, ${c.suppressed} suppressed. ` +
      "Failed and unknown checks block synth; unknown means the rule needed a literal value and found an expression.",
    "",
    "## Summary by control family",
    "",
    ...table(
      ["control family", "HIPAA", "GDPR", "passed", "failed", "unknown", "suppressed"],
      families.map(([family, t]) => {
        const refs = FAMILY_REFERENCES[family as ControlFamily] ?? { hipaa: [], gdpr: [] };
        return [family, refs.hipaa.join(", ") || "-", refs.gdpr.join(", ") || "-", ...statusCells(t)];
      }),
    ),
    "## Summary by resource",
    "",
    ...table(
      ["resource", "passed", "failed", "unknown", "suppressed"],
      resources.map(([address, t]) => [`\`${address}\``, ...statusCells(t)]),
    ),
    ...action("Failed", by("failed"), "what is wrong"),
    ...action("Unknown", by("unknown"), "why it could not decide"),
    `## Suppressed (${suppressed.length})`,
    "",
    ...(suppressed.length === 0
      ? ["None.", ""]
      : table(
          ["resource", "rule", "severity", "control family", "reason"],
          suppressed.map((f) => [`\`${f.address}\``, ids(f), f.severity, familyOf(f), f.justification ?? ""]),
        )),
    ...(report.staleSuppressions.length
      ? [
          "## Stale suppressions",
          "",
          ...report.staleSuppressions.map((s) => `- ${s.id} on \`${s.constructPath}\` (${s.source}): matches no finding; remove it`),
          "",
        ]
      : []),
    `## Appendix: passed checks (${passed.length})`,
    "",
    "Only rules that apply to the resource are listed.",
    "",
    ...table(
      ["resource", "rule", "severity", "control family", "what it checks"],
      passed.map((f) => [`\`${f.address}\``, ids(f), f.severity, familyOf(f), f.description]),
    ),
  ].join("\n");
}
