/** guardrails.json, guardrails.sarif (SARIF 2.1.0) and guardrails.md for one stack. */
import { writeFileSync } from "node:fs";
import type { Finding, StackReport } from "./engine";
import { pathInStack } from "./graph";
import { controlsOf, FAMILY_REFERENCES, type ControlFamily } from "./packs";
import { ALL_RULES } from "./rules";
import { bySeverity, trivyAwsIds } from "./types";

/**
 * How a report reaches its file (whose folder exists): `writeFileSync` by default; the synth
 * passes one that writes in the background while it goes on (stacks/background-writes.ts).
 */
export type WriteFile = (file: string, contents: string | Uint8Array) => void;

/** Writes before returning: every writer's default. */
export const writeNow: WriteFile = (file, contents) => writeFileSync(file, contents);

export function jsonReport(report: StackReport): string {
  const { rulesEvaluated, ...c } = reportCounts(report);
  const summary = { passed: c.passed, failed: c.failed, unknown: c.unknown, suppressed: c.suppressed, checks: c.checks };
  const json = {
    stack: report.stack,
    ...(report.config ? { config: report.config } : {}),
    ...(report.terraform ? { terraform: report.terraform } : {}),
    summary: { ...summary, rulesApplied: c.rulesApplied, resources: c.resources },
    rulesEvaluated,
    context: report.context,
    findings: report.findings.map((f) => ({ ...f, controls: controlsOf(f.ruleId) })),
    staleSuppressions: report.staleSuppressions,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
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
  const scope = `${c.rulesApplied} rules on ${c.resources} resource${c.resources === 1 ? "" : "s"}`;
  return `  ${report.stack}: ${c.passed} checks passed, ${c.suppressed} suppressed${problems} (${scope}); report ${markdownFile}`;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const ids = (f: Finding) => [f.checkov, ...trivyAwsIds(f)].filter(Boolean).join(", ") || f.ruleId;

/** Frameworks whose references a report cites: the stack's declared compliance, or both when it declares none. */
type Framework = "hipaa" | "gdpr";
const FRAMEWORKS: readonly Framework[] = ["hipaa", "gdpr"];
/** How reports and evidence name a framework. */
export const FRAMEWORK_NAME = { hipaa: "HIPAA", gdpr: "GDPR" } as const satisfies Record<Framework, string>;
export const citedFrameworks = (report: StackReport): readonly Framework[] =>
  report.context.compliance ? FRAMEWORKS.filter((f) => report.context.compliance!.includes(f)) : FRAMEWORKS;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (r: readonly string[]) => `| ${r.map(cell).join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line), ""];
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

/** What the report was made from: the config file and its hash, the frameworks it cites. */
function reviewedLines(report: StackReport, cited: readonly Framework[]): string[] {
  const declared = report.context.compliance;
  const frameworks = cited.map((f) => FRAMEWORK_NAME[f]).join(" and ");
  const compliance = !declared
    ? `not declared; ${frameworks} references both cited`
    : cited.length === 0
      ? "none declared; no HIPAA or GDPR references cited"
      : `${frameworks}; references cited for ${cited.length === 1 ? "it" : "them"} only`;
  return [
    ...(report.config ? [`- config: \`${report.config.file}\`, sha256 \`${report.config.sha256}\``] : []),
    ...(report.terraform ? [`- Terraform: \`${report.terraform.file}\`, sha256 \`${report.terraform.sha256}\``] : []),
    `- compliance: ${compliance}`,
    "",
  ];
}

/**
 * guardrails.md, for a reviewer: what was reviewed (config and Terraform files with their sha256, compliance),
 * the counts, then what needs a decision (failed and unknown checks with their fix, the
 * accepted exceptions with their reasons and fix), the summaries per control family and per
 * resource, and the passed checks last, as an appendix. Control references are cited only
 * for the frameworks the stack declares. Nothing in it varies between identical runs.
 */
export function markdownReport(report: StackReport): string {
  const c = reportCounts(report);
  const cited = citedFrameworks(report);
  const by = (s: Finding["status"]) => report.findings.filter((f) => f.status === s).sort(bySeverity);
  const statusCells = (t: Record<Finding["status"], number>) => [
    String(t.passed),
    String(t.failed),
    String(t.unknown),
    String(t.suppressed),
  ];
  const familyOf = (f: Finding) => controlsOf(f.ruleId).family ?? "unclassified";
  const controls = (f: Finding) => {
    const refs = controlsOf(f.ruleId);
    const cites = cited.flatMap((fw) => refs[fw].map((r) => `${FRAMEWORK_NAME[fw]} ${r}`)).join("; ");
    return cites ? `${familyOf(f)} (${cites})` : familyOf(f);
  };
  const families = tally(report.findings, familyOf).sort(([a], [b]) => a.localeCompare(b));
  const resources = tally(report.findings, (f) => f.address)
    // Resources that need action first, then by address.
    .sort(([a, x], [b, y]) => y.failed + y.unknown - (x.failed + x.unknown) || a.localeCompare(b));
  const entries = (title: string, list: Finding[], lines: (f: Finding) => string[]) => [
    `## ${title} (${list.length})`,
    "",
    ...(list.length === 0
      ? ["None.", ""]
      : list.flatMap((f) => [`### \`${f.address}\`: ${ids(f)} (${f.severity})`, "", ...lines(f).map((l) => `- ${l}`), ""])),
  ];
  const ruleLines = (f: Finding) => [
    `rule: ${f.description}`,
    `fix: ${f.fix}`,
    `controls: ${controls(f)}`,
    ...(f.constructPath ? [`construct path (a config suppression's \`path\`): \`${pathInStack(f.stack, f.constructPath)}\``] : []),
  ];
  const passed = report.findings.filter((f) => f.status === "passed");
  return [
    `# Guardrails: ${report.stack}`,
    "",
    ...reviewedLines(report, cited),
    `${c.rulesApplied} of ${c.rulesEvaluated} rules apply to the ${c.resources} resources here, ` +
      `in ${c.checks} checks (one rule on one resource): ` +
      `${c.passed} passed, ${c.failed} failed, ${c.unknown} unknown, ${c.suppressed} suppressed. ` +
      "Failed and unknown checks are findings (they block synth); unknown means the rule needed a literal value and found an expression.",
    "",
    ...entries("Failed", by("failed"), (f) => [`what is wrong: ${f.detail}`, ...ruleLines(f)]),
    ...entries("Unknown", by("unknown"), (f) => [`why it could not decide: ${f.detail}`, ...ruleLines(f)]),
    ...entries("Suppressed", by("suppressed"), (f) => [
      `justification: ${f.justification ?? ""}`,
      `what it found: ${f.detail}`,
      ...ruleLines(f),
    ]),
    ...(report.staleSuppressions.length
      ? [
          "## Stale suppressions",
          "",
          ...report.staleSuppressions.map((s) => `- ${s.id} on \`${s.constructPath}\` (${s.source}): matches no finding; remove it`),
          "",
        ]
      : []),
    "## Summary by control family",
    "",
    ...table(
      ["control family", ...cited.map((fw) => FRAMEWORK_NAME[fw]), "passed", "failed", "unknown", "suppressed"],
      families.map(([family, t]) => {
        const refs = FAMILY_REFERENCES[family as ControlFamily] ?? { hipaa: [], gdpr: [] };
        return [family, ...cited.map((fw) => refs[fw].join(", ") || "-"), ...statusCells(t)];
      }),
    ),
    "## Summary by resource",
    "",
    ...table(
      ["resource", "passed", "failed", "unknown", "suppressed"],
      resources.map(([address, t]) => [`\`${address}\``, ...statusCells(t)]),
    ),
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
