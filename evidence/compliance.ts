/**
 * Compliance evidence of one stack (`compliance.json` and `compliance.md` beside it): per
 * control of `controls.ts`, the resources that implement it, the guardrail checks that verify
 * it with their results, and every suppression touching it with its justification. A
 * control nothing implements is a gap, never left out; one met outside the stack (an
 * organization trail) is external, and says so.
 */
import { isBlocking, type Finding, type StackReport } from "../guardrails/engine";
import { graphOf, type TfGraph, type TfJsonDocument } from "../guardrails/graph";
import { RULE_FAMILY } from "../guardrails/packs";
import { citedFrameworks, FRAMEWORK_NAME } from "../guardrails/reports";
import { CONTROLS, type Control, type OutsideTheStack } from "./controls";

/** met: implemented here, no failed check; not-met: a check failed; external: met outside the stack; gap: nothing implements it. */
export type ControlStatus = "met" | "not-met" | "external" | "gap";

export interface ControlEvidence {
  readonly control: string;
  readonly framework: Control["framework"];
  readonly title: string;
  readonly status: ControlStatus;
  /** Why it is external (external only). */
  readonly externalReason?: string;
  /** How to close it (a gap only, when the control says). */
  readonly closeGap?: string;
  /** What implements it here but falls short, with why (`<address> keeps 365 days`): the control is a gap. */
  readonly shortfalls?: readonly string[];
  /** What the config declares about it (documented transfers), when anything. */
  readonly declared?: readonly string[];
  /** Terraform addresses of the resources that implement it. */
  readonly implementedBy: readonly string[];
  /** Further evidence (flow logs, access logs for the audit controls). */
  readonly supportedBy: readonly string[];
  /** Results of the rules that verify it: per rule id, checks passed, failed or unknown, and suppressed. */
  readonly checks: readonly { readonly rule: string; readonly passed: number; readonly failed: number; readonly suppressed: number }[];
  readonly suppressions: readonly { readonly rule: string; readonly address: string; readonly justification: string }[];
}

export interface ComplianceEvidence {
  readonly stack: string;
  readonly controls: readonly ControlEvidence[];
}

/** The evidence of one stack from its JSON and its guardrail report. */
export function complianceEvidence(doc: TfJsonDocument | TfGraph, report: StackReport, outside: OutsideTheStack = {}): ComplianceEvidence {
  const graph = graphOf(doc);
  const addressesOf = (types: readonly string[], implementing: Control["implementing"] = () => true) =>
    graph.resources.filter((r) => types.includes(r.type) && implementing(r)).map((r) => r.address);
  // The config's frameworks only (as guardrails.md cites them): none declared, none mapped.
  const frameworks: string[] = citedFrameworks(report).map((f) => FRAMEWORK_NAME[f]);
  const controls = CONTROLS.filter((c) => frameworks.includes(c.framework)).map((control): ControlEvidence => {
    const findings = report.findings.filter((f) => control.verifiedBy.some((family) => RULE_FAMILY.get(f.ruleId) === family));
    const implementedBy = addressesOf(control.implementedBy, control.implementing);
    const externalReason =
      implementedBy.length === 0
        ? (control.external?.(outside) ??
          (outside.accountCoveredBy && `${outside.accountCoveredBy} implements it; this stack holds no app data`))
        : undefined;
    const declared = control.declared?.(outside) ?? [];
    const failed = findings.some(isBlocking);
    const shortfalls = control.shortfalls?.(graph) ?? [];
    const status: ControlStatus =
      implementedBy.length === 0 ? (externalReason ? "external" : "gap") : shortfalls.length > 0 ? "gap" : failed ? "not-met" : "met";
    return {
      control: control.id,
      framework: control.framework,
      title: control.title,
      status,
      ...(externalReason ? { externalReason } : {}),
      ...(shortfalls.length > 0 ? { shortfalls } : {}),
      ...(status === "gap" && control.closeGap ? { closeGap: control.closeGap } : {}),
      ...(declared.length > 0 ? { declared } : {}),
      implementedBy,
      supportedBy: addressesOf(control.supportedBy ?? []),
      checks: checkCounts(findings),
      suppressions: suppressedFindings(findings),
    };
  });
  return { stack: report.stack, controls };
}

/** The suppressed findings with the reviewer's reasons, as the evidence lists them. */
export const suppressedFindings = (findings: readonly Finding[]): ControlEvidence["suppressions"] =>
  findings
    .filter((f) => f.status === "suppressed")
    .map((f) => ({ rule: f.ruleId, address: f.address, justification: f.justification ?? "" }));

/** Per rule id, in first-seen order: checks passed, checks failed or unknown, and checks suppressed. */
function checkCounts(findings: readonly Finding[]): ControlEvidence["checks"] {
  const byRule = new Map<string, { rule: string; passed: number; failed: number; suppressed: number }>();
  for (const f of findings) {
    const c = byRule.get(f.ruleId) ?? { rule: f.ruleId, passed: 0, failed: 0, suppressed: 0 };
    if (f.status === "passed") c.passed++;
    if (isBlocking(f)) c.failed++;
    if (f.status === "suppressed") c.suppressed++;
    byRule.set(f.ruleId, c);
  }
  return [...byRule.values()];
}

const STATUS_TEXT: Readonly<Record<ControlStatus, string>> = {
  met: "met",
  "not-met": "**not met**",
  external: "external",
  gap: "**gap**",
};

/** The Markdown an auditor reads: a summary table, then each control's evidence. */
export function complianceMarkdown(evidence: ComplianceEvidence, diagramMarkdown?: string): string {
  const lines = [
    `# Compliance evidence of ${evidence.stack}`,
    "",
    "Generated at synth from this folder's Terraform JSON and guardrail results (`evidence/controls.ts` maps " +
      "controls to resources and rules). It shows what the infrastructure implements; policies, training and " +
      "procedures are outside it.",
    "",
    ...(evidence.controls.length === 0
      ? ["The config declares no compliance framework (`compliance`): no HIPAA or GDPR control is mapped.", ""]
      : ["| Control | Framework | What it requires | Status | Resources | Checks passed | Suppressed |", "|---|---|---|---|---|---|---|"]),
    ...evidence.controls.map(
      (c) =>
        `| ${c.control} | ${c.framework} | ${c.title} | ${STATUS_TEXT[c.status]} | ${c.implementedBy.length} | ` +
        `${c.checks.reduce((n, k) => n + k.passed, 0)} | ${c.suppressions.length} |`,
    ),
    "",
  ];
  for (const c of evidence.controls) {
    lines.push(`## ${c.framework} ${c.control}: ${c.title}`, "", `Status: ${STATUS_TEXT[c.status]}.`);
    if (c.externalReason) lines.push(`Met outside this stack: ${c.externalReason}.`);
    if (c.shortfalls) lines.push(`Falls short: ${c.shortfalls.join("; ")}.`);
    else if (c.status === "gap") lines.push("Nothing in this stack implements it, and the config names nothing outside it that does.");
    if (c.closeGap) lines.push(`To close it: ${c.closeGap}.`);
    lines.push("");
    if (c.implementedBy.length) lines.push("Implemented by:", "", ...c.implementedBy.map((a) => `- \`${a}\``), "");
    if (c.declared) lines.push("Declared in the config, for the reviewer:", "", ...c.declared.map((d) => `- ${d}`), "");
    if (c.supportedBy.length) lines.push("Further evidence:", "", ...c.supportedBy.map((a) => `- \`${a}\``), "");
    if (c.checks.length) {
      lines.push(
        "Verified by:",
        "",
        ...c.checks.map((k) => {
          const failed = k.failed ? `, ${k.failed} failed` : "";
          return `- ${k.rule}: ${k.passed} passed${failed}${k.suppressed ? `, ${k.suppressed} suppressed (below)` : ""}`;
        }),
        "",
      );
    }
    if (c.suppressions.length) {
      lines.push("Suppressed, with the reason a reviewer accepted:", "");
      lines.push(...c.suppressions.map((s) => `- ${s.rule} on \`${s.address}\`: ${s.justification}`), "");
    }
  }
  if (diagramMarkdown) lines.push(diagramMarkdown.replace(/^# /, "## "));
  return `${lines.join("\n").trimEnd()}\n`;
}
