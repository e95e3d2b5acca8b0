/**
 * `npm run guardrails -- <file-or-dir>`: the project's rules over any Terraform JSON
 * (a cdk.tf.json, a *.tf.json, or a directory of them). Writes the same reports beside
 * each file and exits 1 on unsuppressed findings.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { blocking, evaluate, formatBlocking, type StackReport } from "./engine";
import type { TfJsonDocument } from "./graph";
import { jsonReport, markdownReport, sarifReport } from "./reports";
import type { Scanner, Suppression } from "./suppressions";
import type { RuleContext } from "./types";

function tfJsonFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true }).flatMap((e) => {
    const p = join(target, e.name);
    if (e.isDirectory()) return e.name === ".terraform" || e.name === "node_modules" ? [] : tfJsonFiles(p);
    return e.name.endsWith(".tf.json") ? [p] : [];
  });
}

/** Reports are named after the file: guardrails.* for cdk.tf.json, <name>.guardrails.* otherwise. */
function reportPrefix(file: string): string {
  return basename(file) === "cdk.tf.json" ? join(dirname(file), "guardrails") : file.replace(/\.tf\.json$/, ".guardrails");
}

interface RecordedReport {
  findings?: { status: string; ruleId: string; constructPath?: string; justification?: string; suppressedFor?: Scanner[] }[];
  staleSuppressions?: Suppression[];
  context?: RuleContext;
}

/** The guardrails.json this project wrote beside a cdk.tf.json, if any. */
function recordedReport(file: string): RecordedReport {
  const report = join(dirname(file), "guardrails.json");
  if (basename(file) !== "cdk.tf.json" || !existsSync(report)) return {};
  return JSON.parse(readFileSync(report, "utf8")) as RecordedReport;
}

/**
 * Suppressions made in code when this project synthesized the file: its guardrails.json
 * records them (suppressed findings and stale ones), so a re-check gives the same verdicts.
 */
function recordedSuppressions(data: RecordedReport): Suppression[] {
  const fromFindings = (data.findings ?? [])
    .filter((f) => f.status === "suppressed" && f.constructPath && f.justification)
    .map((f) => ({ id: f.ruleId, reason: f.justification!, constructPath: f.constructPath!, source: "guardrails.json", scanners: f.suppressedFor }));
  const unique = new Map(fromFindings.map((s) => [`${s.id} ${s.constructPath}`, s]));
  return [...unique.values(), ...(data.staleSuppressions ?? [])];
}

function run(args: string[]): number {
  if (args.length === 0) {
    console.error("usage: npm run guardrails -- <file.tf.json | directory> [...]");
    return 2;
  }
  const reports: StackReport[] = [];
  for (const target of args) {
    let files: string[];
    try {
      files = tfJsonFiles(target);
    } catch {
      console.error(`guardrails: ${target}: no such file or directory`);
      return 2;
    }
    for (const file of files) {
      let doc: TfJsonDocument;
      try {
        doc = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        console.error(`guardrails: ${file} is not valid JSON (${(e as Error).message})`);
        return 2;
      }
      const recorded = recordedReport(file);
      const report = evaluate(relative(process.cwd(), file), doc, recordedSuppressions(recorded), undefined, recorded.context ?? {});
      const prefix = reportPrefix(file);
      writeFileSync(`${prefix}.json`, jsonReport(report));
      writeFileSync(`${prefix}.sarif`, sarifReport(report, relative(process.cwd(), file)));
      writeFileSync(`${prefix}.md`, markdownReport(report));
      reports.push(report);
    }
  }
  const counts = (s: string) => reports.flatMap((r) => r.findings).filter((f) => f.status === s).length;
  console.log(`guardrails: ${reports.length} file(s), ${counts("passed")} passed, ${counts("failed")} failed, ${counts("unknown")} unknown`);
  if (reports.some((r) => blocking(r).length > 0)) {
    console.error(formatBlocking(reports));
    return 1;
  }
  return 0;
}

process.exitCode = run(process.argv.slice(2));
