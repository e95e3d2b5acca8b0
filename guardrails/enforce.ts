/**
 * Guardrails on cdktf stacks: evaluate each stack's Terraform JSON before it is written,
 * fail synth on blocking findings, write the reports next to each stack.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { TerraformStack } from "cdktf";
import { blocking, evaluate, formatBlocking, type ReviewedConfig, type StackReport } from "./engine";
import type { TfGraph, TfJsonDocument } from "./graph";
import { jsonReport, markdownReport, sarifReport, writeNow, type WriteFile } from "./reports";
import { CHECKOV_CONFIG_FILE, checkovConfig, TRIVY_IGNORE_FILE, trivyIgnore } from "./scanner-config";
import { suppressionsIn, type Suppression } from "./suppressions";
import type { RuleContext } from "./types";

/** A stack with what its guardrails need beyond its JSON: config suppressions and context. */
export interface GuardedStack {
  readonly stack: TerraformStack;
  readonly suppressions?: readonly Suppression[];
  readonly context?: RuleContext;
  /** The config the stack was built from, named in its reports. @default - not named */
  readonly config?: ReviewedConfig;
}

/** Raised when a stack has findings that are neither fixed nor suppressed. */
export class GuardrailError extends Error {
  constructor(readonly reports: readonly StackReport[]) {
    super(formatBlocking(reports));
    this.name = "GuardrailError";
  }
}

/**
 * The stack's report: rules over its Terraform JSON, with code and config suppressions.
 * Pass `doc` when the JSON (or its graph) is already at hand (read back from synth output) to
 * save resolving the stack a second time.
 */
export function evaluateStack(
  { stack, suppressions = [], context = {}, config }: GuardedStack,
  doc?: TfJsonDocument | TfGraph,
): StackReport {
  const json = doc ?? (stack.toTerraform() as TfJsonDocument);
  const report = evaluate(stack.node.id, json, [...suppressionsIn(stack), ...suppressions], undefined, context);
  return config ? { ...report, config } : report;
}

/**
 * Attach the guardrails to a stack as a cdktf validation, so that any `app.synth()` of it
 * (`cdktf synth`, tests) fails on a blocking finding.
 */
export function attachGuardrails(guarded: GuardedStack): void {
  guarded.stack.node.addValidation({
    validate: () => {
      const report = evaluateStack(guarded);
      return blocking(report).length ? [formatBlocking([report])] : [];
    },
  });
}

/**
 * Evaluate all stacks (each resolved here); throws GuardrailError listing every blocking
 * finding of every stack. The synth evaluates the JSON it wrote instead (stacks/synthesize.ts).
 */
export function enforce(stacks: readonly (GuardedStack | TerraformStack)[]): StackReport[] {
  const reports = stacks.map((s) => evaluateStack("stack" in s ? s : { stack: s }));
  throwIfBlocking(reports);
  return reports;
}

/** A GuardrailError listing every blocking finding of every report, if there is one. */
export function throwIfBlocking(reports: readonly StackReport[]): void {
  if (reports.some((r) => blocking(r).length > 0)) throw new GuardrailError(reports);
}

/** How reports are written: for HCL output (the scanners' file is cdk.tf), and by which `write`. */
export interface ReportWriting {
  /** @default false */
  readonly hcl?: boolean;
  /** @default writeNow (before returning) */
  readonly write?: WriteFile;
}

/** guardrails.{json,sarif,md} in each stack's folder, scanner suppression files at the root. */
export function writeReports(outdir: string, reports: readonly StackReport[], options: ReportWriting = {}): void {
  writeStackReports(outdir, reports, options);
  writeScannerConfigs(outdir, reports, options);
}

/** guardrails.{json,sarif,md} in each stack's folder (`outdir/stacks/<stack>`). */
export function writeStackReports(outdir: string, reports: readonly StackReport[], options: ReportWriting = {}): void {
  const { hcl = false, write = writeNow } = options;
  const stackFile = hcl ? "cdk.tf" : "cdk.tf.json";
  for (const r of reports) {
    const dir = join(outdir, "stacks", r.stack);
    mkdirSync(dir, { recursive: true });
    write(join(dir, "guardrails.json"), jsonReport(r));
    write(join(dir, "guardrails.sarif"), sarifReport(r, `cdktf.out/stacks/${r.stack}/${stackFile}`));
    write(join(dir, "guardrails.md"), markdownReport(r));
  }
}

/** The scanners' suppression files at the root of `outdir`, covering every stack's reports. */
export function writeScannerConfigs(outdir: string, reports: readonly StackReport[], options: ReportWriting = {}): void {
  const { hcl = false, write = writeNow } = options;
  write(join(outdir, CHECKOV_CONFIG_FILE), checkovConfig(reports, hcl));
  write(join(outdir, TRIVY_IGNORE_FILE), trivyIgnore(reports, hcl));
}

/** One line per stale suppression, for the console. */
export function staleWarnings(reports: readonly StackReport[]): string[] {
  return reports.flatMap((r) =>
    r.staleSuppressions.map((s) => `warning: stale suppression ${s.id} on ${s.constructPath} (${s.source}) matches no finding; remove it`),
  );
}
