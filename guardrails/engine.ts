/** Evaluate every rule over one stack's Terraform JSON and apply suppressions. */
import { createHash } from "node:crypto";
import { graphOf, isWithinScope, pathInStack, type TfGraph, type TfJsonDocument, type TfResource } from "./graph";
import { ALL_RULES } from "./rules";
import { ALL_SCANNERS, type Scanner, type Suppression } from "./suppressions";
import { bySeverity, trivyAwsIds, type Rule, type RuleContext, type Severity } from "./types";

export type FindingStatus = "passed" | "failed" | "unknown" | "suppressed";

export interface Finding {
  readonly stack: string;
  readonly address: string;
  readonly constructPath?: string;
  readonly ruleId: string;
  readonly checkov?: string;
  readonly trivy?: readonly string[];
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly description: string;
  readonly fix: string;
  /** What is wrong (failed, unknown, suppressed). */
  readonly detail?: string;
  /** The suppression's justification (suppressed). */
  readonly justification?: string;
  /** Scanners the suppression is written out for (suppressed). */
  readonly suppressedFor?: readonly Scanner[];
}

/** A file a report names as what was reviewed: its path as the report gives it, and the sha256 of its bytes. */
export interface ReviewedFile {
  readonly file: string;
  /** sha256 of its bytes, hex. */
  readonly sha256: string;
}

/** `file` as a report names it, with the sha256 of `contents`, its bytes. */
export const reviewedFile = (file: string, contents: string | Uint8Array): ReviewedFile => ({
  file,
  sha256: createHash("sha256").update(contents).digest("hex"),
});

/** The config a stack was built from, its path relative to the working directory. */
export type ReviewedConfig = ReviewedFile;

export interface StackReport {
  readonly stack: string;
  readonly findings: readonly Finding[];
  /** Suppressions that matched no failing finding: remove them or they hide a future regression. */
  readonly staleSuppressions: readonly Suppression[];
  readonly rulesEvaluated: number;
  /** What the rules knew beyond the JSON (allowed regions, compliance frameworks). */
  readonly context: RuleContext;
  /** The config the stack was built from. @default - not known (Terraform from elsewhere) */
  readonly config?: ReviewedConfig;
  /** The Terraform file the checks read, by its name beside the report. @default - not recorded (a module of several files) */
  readonly terraform?: ReviewedFile;
}

const matches = (s: Suppression, r: Rule, res: TfResource) =>
  (s.id === r.id || s.id === r.checkov || (r.trivy ?? []).some((t) => s.id === t || s.id === `AVD-${t}`)) &&
  isWithinScope(res.constructPath, s.constructPath);

/** A detail quotes values from the input (a bucket name): keep reports bounded. */
const MAX_DETAIL = 300;
const clip = (s: string) => (s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 3)}...` : s);

export function evaluate(
  stack: string,
  doc: TfJsonDocument | TfGraph,
  suppressions: readonly Suppression[] = [],
  rules: readonly Rule[] = ALL_RULES,
  context: RuleContext = {},
): StackReport {
  const graph = graphOf(doc);
  const used = new Set<Suppression>();
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const res of graph.ofTypes(rule.resourceTypes)) {
      let verdict;
      try {
        verdict = rule.check(res, graph, context);
      } catch (e) {
        verdict = { status: "unknown" as const, detail: `rule failed to evaluate: ${(e as Error).message}` };
      }
      if (verdict.status === "not-applicable") continue;
      const base = {
        stack,
        address: res.address,
        constructPath: res.constructPath,
        ruleId: rule.id,
        checkov: rule.checkov,
        trivy: rule.trivy,
        severity: rule.severity,
        description: rule.stricter ? `${rule.description} Stricter than ${rule.stricter}` : rule.description,
        fix: rule.fix,
      };
      if (verdict.status === "compliant") {
        findings.push({ ...base, status: "passed" });
        continue;
      }
      const suppression = suppressions.find((s) => matches(s, rule, res));
      if (suppression) {
        used.add(suppression);
        findings.push({
          ...base,
          status: "suppressed",
          detail: clip(verdict.detail),
          justification: suppression.reason,
          suppressedFor: suppression.scanners ?? ALL_SCANNERS,
        });
      } else {
        findings.push({ ...base, status: verdict.status === "unknown" ? "unknown" : "failed", detail: clip(verdict.detail) });
      }
    }
  }
  return { stack, findings, staleSuppressions: suppressions.filter((s) => !used.has(s)), rulesEvaluated: rules.length, context };
}

/** Findings that block synth: failed, and unknown (a rule that could not decide is not a pass). */
export const isBlocking = (f: Finding): boolean => f.status === "failed" || f.status === "unknown";
export const blocking = (report: StackReport): Finding[] => report.findings.filter(isBlocking);

/**
 * One block per finding, most severe first: stack, address, ids, what is wrong, the fix, and
 * the construct path a suppression would name (Terraform from elsewhere has none).
 */
export function formatBlocking(reports: readonly StackReport[]): string {
  // Most severe first; a stable sort keeps stack and address order within a severity.
  const all = reports.flatMap(blocking).sort(bySeverity);
  const lines = all.map((f) => {
    const ids = [f.checkov, ...trivyAwsIds(f)].filter(Boolean).join(" / ") || f.ruleId;
    const level = f.status === "unknown" ? "UNKNOWN" : f.severity.toUpperCase();
    return [
      `  - ${f.stack} ${f.address} [${ids}] ${level}: ${f.detail}`,
      `      rule: ${f.description}`,
      `      fix:  ${f.fix}`,
      ...(f.constructPath ? [`      path: ${pathInStack(f.stack, f.constructPath)} (what a suppression in the config names)`] : []),
    ].join("\n");
  });
  // A suppression meant for one of these findings but written with the wrong path or rule
  // matches nothing: say so beside them, and which path was meant when it names an address.
  const stale = reports.flatMap((r) =>
    r.staleSuppressions.map((s) => {
      const named = r.findings.find((f) => f.constructPath && pathInStack(r.stack, s.constructPath) === f.address);
      const meant = named?.constructPath ? `; a path is a construct path, e.g. "${pathInStack(r.stack, named.constructPath)}"` : "";
      return `  - ${r.stack}: ${s.id} on ${s.constructPath} (${s.source})${meant}`;
    }),
  );
  return [
    `Guardrails: ${all.length} finding${all.length === 1 ? "" : "s"}, most severe first:`,
    ...lines,
    ...(stale.length > 0 ? ["Suppressions that matched no finding (check their rule and path):", ...stale] : []),
  ].join("\n");
}
