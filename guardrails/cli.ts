/**
 * `npm run guardrails -- <file-or-dir>`: the project's rules over any Terraform JSON
 * (a cdk.tf.json, a *.tf.json, or a directory of them). Writes the same reports beside
 * each file and exits 1 on unsuppressed findings. Input that is not Terraform JSON (see
 * `input.ts` for the limits) stops the run with one line naming the file, exit 2, before
 * any report is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { blocking, evaluate, formatBlocking, type StackReport } from "./engine";
import type { TfJsonDocument } from "./graph";
import { InputError, ioMessage, readTfJson } from "./input";
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
  try {
    const data = JSON.parse(readFileSync(report, "utf8")) as RecordedReport;
    const ok = data !== null && typeof data === "object" &&
      (data.findings === undefined || Array.isArray(data.findings)) &&
      (data.staleSuppressions === undefined || Array.isArray(data.staleSuppressions));
    if (ok) return data;
  } catch {
    // reported below
  }
  throw new CliError(report, "is not a guardrails report (its suppressions cannot be read); delete it or re-run synth");
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

/** Stops the run: `file: message` on one line, exit 2. */
class CliError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
  }
}

interface Input {
  readonly file: string;
  readonly doc: TfJsonDocument;
  readonly recorded: RecordedReport;
}

/** Every file of every target, read and checked before any rule runs or report is written. */
function readInputs(targets: readonly string[]): Input[] {
  const inputs: Input[] = [];
  for (const target of targets) {
    let files: string[];
    try {
      files = tfJsonFiles(target);
    } catch (e) {
      throw new CliError((e as NodeJS.ErrnoException).path ?? target, ioMessage(e));
    }
    if (files.length === 0) throw new CliError(target, "holds no *.tf.json file");
    for (const file of files) {
      try {
        inputs.push({ file, doc: readTfJson(file), recorded: recordedReport(file) });
      } catch (e) {
        if (e instanceof InputError) throw new CliError(file, e.message);
        throw e;
      }
    }
  }
  return inputs;
}

export const USAGE = `usage: npm run guardrails -- [options] <file.tf.json | directory> [...]

Checks Terraform JSON (a cdk.tf.json, any *.tf.json, or a directory searched for them)
with the same rules synth runs, and writes guardrails.{json,sarif,md} reports.

options:
  --allowed-regions <r1,r2>  run the data-residency rule (PRJ_DATA_RESIDENCY) with these
                             regions (default: as recorded by synth, else not checked)
  --out-dir <dir>            write the reports under <dir> instead of beside each file
  -h, --help                 print this and exit

exit: 0 no blocking finding, 1 findings, 2 input or usage error`;

interface Options {
  readonly targets: string[];
  readonly allowedRegions?: string[];
  readonly outDir?: string;
  readonly help: boolean;
}

class UsageError extends Error {}

function parseArgs(args: readonly string[]): Options {
  const targets: string[] = [];
  let allowedRegions: string[] | undefined;
  let outDir: string | undefined;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith("-")) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "-h" || arg === "--help") help = true;
    else if (arg === "--allowed-regions") allowedRegions = value().split(",").map((r) => r.trim()).filter(Boolean);
    else if (arg === "--out-dir") outDir = value();
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else targets.push(arg);
  }
  return { targets, allowedRegions, outDir, help };
}

/** Where a file's reports go: beside it, or mirrored under --out-dir. */
function reportPath(file: string, outDir: string | undefined): string {
  const prefix = reportPrefix(file);
  if (!outDir) return prefix;
  const path = join(outDir, relative(process.cwd(), prefix).replace(/^(\.\.[/\\])+/, ""));
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

function run(args: string[]): number {
  const options = parseArgs(args);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.targets.length === 0) throw new UsageError("no file or directory given");
  const inputs = readInputs(options.targets);
  const reports: StackReport[] = inputs.map(({ file, doc, recorded }) => {
    try {
      const suppressions = recordedSuppressions(recorded);
      const context: RuleContext = { ...recorded.context, ...(options.allowedRegions ? { allowedRegions: options.allowedRegions } : {}) };
      return evaluate(relative(process.cwd(), file), doc, suppressions, undefined, context);
    } catch (e) {
      throw new CliError(file, `could not be checked (${ioMessage(e)})`);
    }
  });
  for (const [i, { file }] of inputs.entries()) {
    const prefix = reportPath(file, options.outDir);
    writeFileSync(`${prefix}.json`, jsonReport(reports[i]));
    writeFileSync(`${prefix}.sarif`, sarifReport(reports[i], relative(process.cwd(), file)));
    writeFileSync(`${prefix}.md`, markdownReport(reports[i]));
  }
  console.log(`guardrails: reports in ${options.outDir ?? "each file's folder"} (guardrails.{json,sarif,md} or <name>.guardrails.*)`);
  const counts = (s: string) => reports.flatMap((r) => r.findings).filter((f) => f.status === s).length;
  console.log(`guardrails: ${reports.length} file(s), ${counts("passed")} passed, ${counts("failed")} failed, ${counts("unknown")} unknown`);
  if (reports.some((r) => blocking(r).length > 0)) {
    console.error(formatBlocking(reports));
    return 1;
  }
  return 0;
}

/** Exit 2 with one line for anything that is not a finding: no stack trace. */
function main(args: string[]): number {
  try {
    return run(args);
  } catch (e) {
    if (e instanceof CliError) console.error(`guardrails: ${e.file}: ${e.message}`);
    else if (e instanceof UsageError) console.error(`guardrails: ${e.message}\n\n${USAGE}`);
    else console.error(`guardrails: ${ioMessage(e)}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
