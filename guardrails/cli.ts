/**
 * `npm run guardrails -- <file-or-dir>`: the project's rules over any Terraform, JSON
 * (a cdk.tf.json, a *.tf.json) or HCL (*.tf, one module per folder), or a directory of
 * them. Writes the same reports beside each input and exits 1 on unsuppressed findings.
 * Input that is neither (or is past the limits `input.ts` sets) stops the run before any
 * report is written: one line naming each such file (all of them, not only the first), exit 2.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { blocking, evaluate, formatBlocking, reviewedFile, type ReviewedConfig, type ReviewedFile, type StackReport } from "./engine";
import type { TfJsonDocument } from "./graph";
import { InputError, ioMessage, readTerraformHcl, readTfJson } from "./input";
import { jsonReport, markdownReport, sarifReport, summaryLine } from "./reports";
import type { Scanner, Suppression } from "./suppressions";
import type { RuleContext } from "./types";

/**
 * What one report covers: a Terraform JSON file alone (as before: each *.tf.json is one
 * stack), or the `.tf` files of one folder together, as Terraform reads a module.
 */
interface Unit {
  /** The file, or for an HCL module the folder: names the report and messages. */
  readonly label: string;
  readonly files: readonly string[];
  readonly hcl: boolean;
  /** Reports go to `<prefix>.{json,sarif,md}`. */
  readonly prefix: string;
}

const isHcl = (name: string) => name.endsWith(".tf");
const isJson = (name: string) => name.endsWith(".tf.json");

/**
 * Reports are named after the input: guardrails.* for a cdk.tf.json, a cdk.tf or a folder
 * of .tf files, <name>.guardrails.* for any other file.
 */
function reportPrefix(file: string): string {
  const name = basename(file);
  if (name === "cdk.tf.json" || name === "cdk.tf") return join(dirname(file), "guardrails");
  return file.replace(/\.tf(\.json)?$/, ".guardrails");
}

function unitsIn(target: string): Unit[] {
  if (!statSync(target).isDirectory()) {
    return [{ label: target, files: [target], hcl: isHcl(target), prefix: reportPrefix(target) }];
  }
  const entries = readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const here = entries.filter((e) => !e.isDirectory()).map((e) => join(target, e.name));
  const hcl = here.filter(isHcl);
  const units: Unit[] = here.filter(isJson).map((f) => ({ label: f, files: [f], hcl: false, prefix: reportPrefix(f) }));
  if (hcl.length > 0) units.push({ label: target, files: hcl, hcl: true, prefix: join(target, "guardrails") });
  return [
    ...units,
    ...entries
      .filter((e) => e.isDirectory() && e.name !== ".terraform" && e.name !== "node_modules")
      .flatMap((e) => unitsIn(join(target, e.name))),
  ];
}

interface RecordedReport {
  /** The stack synth named, the config it was built from and the Terraform it reviewed (provenance). */
  stack?: string;
  config?: ReviewedConfig;
  terraform?: ReviewedFile;
  findings?: { status: string; ruleId: string; constructPath?: string; justification?: string; suppressedFor?: Scanner[] }[];
  staleSuppressions?: Suppression[];
  context?: RuleContext;
}

/**
 * Synth's record vouches for the file it reviewed, byte for byte (its sha256), and for no
 * other: an edited file, a record copied beside another file or a record older than the
 * sha256 is checked as Terraform from elsewhere (named by its path, no config, no recorded
 * suppressions or context; `--allowed-regions` gives the residency rule its regions).
 */
const recordFor = (recorded: RecordedReport, terraform: ReviewedFile | undefined): RecordedReport =>
  terraform !== undefined && recorded.terraform?.sha256 === terraform.sha256 ? recorded : {};

const isReviewedFile = (x: unknown): x is ReviewedFile =>
  typeof x === "object" && x !== null && typeof (x as ReviewedFile).file === "string" && typeof (x as ReviewedFile).sha256 === "string";

/** The guardrails.json this project wrote beside a cdk.tf.json (or, synthesized as HCL, a cdk.tf), if any. */
function recordedReport(unit: Unit): RecordedReport {
  const ours = unit.files.find((f) => basename(f) === "cdk.tf.json" || basename(f) === "cdk.tf");
  const report = ours && join(dirname(ours), "guardrails.json");
  if (!report || !existsSync(report)) return {};
  try {
    const data = JSON.parse(readFileSync(report, "utf8")) as RecordedReport;
    const ok =
      data !== null &&
      typeof data === "object" &&
      (data.stack === undefined || typeof data.stack === "string") &&
      (data.config === undefined || isReviewedFile(data.config)) &&
      (data.terraform === undefined || isReviewedFile(data.terraform)) &&
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
    .map((f) => ({
      id: f.ruleId,
      reason: f.justification!,
      constructPath: f.constructPath!,
      source: "guardrails.json",
      scanners: f.suppressedFor,
    }));
  const unique = new Map(fromFindings.map((s) => [`${s.id} ${s.constructPath}`, s]));
  return [...unique.values(), ...(data.staleSuppressions ?? [])];
}

/** Stops the run: `file: message` on one line, exit 2. */
class CliError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Stops the run: every input that cannot be checked, one line each, exit 2. */
class InputProblems extends Error {
  constructor(readonly problems: readonly CliError[]) {
    super(`${problems.length} input(s) cannot be checked`);
  }
}

interface Input {
  readonly unit: Unit;
  readonly doc: TfJsonDocument;
  /** The one file a unit of one file is, as the report names it. */
  readonly terraform?: ReviewedFile;
  readonly recorded: RecordedReport;
  /** The scanners' comments in .tf files. */
  readonly inline: readonly Suppression[];
}

/** The Terraform files of a target; throws a CliError when there are none or it cannot be read. */
function unitsOf(target: string): Unit[] {
  let units: Unit[];
  try {
    units = unitsIn(target);
  } catch (e) {
    throw new CliError((e as NodeJS.ErrnoException).path ?? target, ioMessage(e));
  }
  if (units.length === 0) throw new CliError(target, "holds no Terraform file (*.tf or *.tf.json)");
  return units;
}

/** One unit read and checked as input; throws a CliError naming the file that is not. */
async function readInput(unit: Unit): Promise<Input> {
  try {
    // A unit of one file is named with the sha256 of the text the checks read.
    const named = (text: string) => (unit.files.length === 1 ? reviewedFile(basename(unit.files[0]), text) : undefined);
    if (unit.hcl) {
      const { doc, suppressions, texts } = await readTerraformHcl(unit.files);
      const terraform = named(texts[0]);
      // Suppressions are the comments in cdk.tf, not synth's record.
      const { stack, config, context } = recordFor(recordedReport(unit), terraform);
      return { unit, doc, terraform, recorded: { stack, config, context }, inline: suppressions };
    }
    const { doc, text } = readTfJson(unit.files[0]);
    const terraform = named(text);
    return { unit, doc, terraform, recorded: recordFor(recordedReport(unit), terraform), inline: [] };
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.file ?? unit.label, e.message);
    throw e;
  }
}

/**
 * Every file of every target, read and checked before any rule runs or report is written.
 * Throws InputProblems naming every input that cannot be checked, not only the first.
 */
async function readInputs(targets: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  const problems: CliError[] = [];
  const collect = (e: unknown) => {
    if (!(e instanceof CliError)) throw e;
    problems.push(e);
  };
  const prefixes = new Map<string, string>();
  for (const target of targets) {
    let units: Unit[] = [];
    try {
      units = unitsOf(target);
    } catch (e) {
      collect(e);
    }
    for (const unit of units) {
      const other = prefixes.get(unit.prefix);
      if (other !== undefined && other !== unit.label) {
        const clash = `would write the same reports (${unit.prefix}.*) as ${other}; check them one at a time with --out-dir`;
        problems.push(new CliError(unit.label, clash));
        continue;
      }
      if (other !== undefined) continue; // the same input named twice
      prefixes.set(unit.prefix, unit.label);
      try {
        inputs.push(await readInput(unit));
      } catch (e) {
        collect(e);
      }
    }
  }
  if (problems.length > 0) throw new InputProblems(problems);
  return inputs;
}

export const USAGE = `usage: npm run guardrails -- [options] <file.tf | file.tf.json | directory> [...]

Checks Terraform with the same rules synth runs, and writes guardrails.{json,sarif,md}
reports: each *.tf.json on its own, the *.tf files (HCL) of each folder together as one
module. A directory is searched recursively. An expression a rule cannot resolve
(var.x, a function call) is reported as unknown, which counts as a finding.

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
    else if (arg === "--allowed-regions")
      allowedRegions = value()
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean);
    else if (arg === "--out-dir") outDir = value();
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else targets.push(arg);
  }
  return { targets, allowedRegions, outDir, help };
}

/** Where an input's reports go: beside it, or mirrored under --out-dir. */
function reportPath(prefix: string, outDir: string | undefined, create = false): string {
  if (!outDir) return prefix;
  const path = join(outDir, relative(process.cwd(), prefix).replace(/^(\.\.[/\\])+/, ""));
  if (create) mkdirSync(dirname(path), { recursive: true });
  return path;
}

async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.targets.length === 0) throw new UsageError("no file or directory given");
  const inputs = await readInputs(options.targets);
  const reports: StackReport[] = inputs.map(({ unit, doc, terraform, recorded, inline }) => {
    try {
      const suppressions = [...recordedSuppressions(recorded), ...inline];
      const context: RuleContext = { ...recorded.context, ...(options.allowedRegions ? { allowedRegions: options.allowedRegions } : {}) };
      const report = evaluate(recorded.stack ?? shown(unit.label), doc, suppressions, undefined, context);
      return { ...report, ...(recorded.config ? { config: recorded.config } : {}), ...(terraform ? { terraform } : {}) };
    } catch (e) {
      throw new CliError(unit.label, `could not be checked (${ioMessage(e)})`);
    }
  });
  for (const [i, { unit }] of inputs.entries()) {
    const prefix = reportPath(unit.prefix, options.outDir, true);
    writeFileSync(`${prefix}.json`, jsonReport(reports[i]));
    // SARIF locates results in a file: a module's results point at its first file.
    writeFileSync(`${prefix}.sarif`, sarifReport(reports[i], relative(process.cwd(), unit.files[0])));
    writeFileSync(`${prefix}.md`, markdownReport(reports[i]));
  }
  inputs.forEach(({ unit }, i) => console.log(summaryLine(reports[i], `${reportPath(unit.prefix, options.outDir)}.md`)));
  const counts = (s: string) => reports.flatMap((r) => r.findings).filter((f) => f.status === s).length;
  console.log(
    `guardrails: ${reports.length} file(s), ${counts("passed")} passed, ${counts("failed")} failed, ${counts("unknown")} unknown`,
  );
  if (reports.some((r) => blocking(r).length > 0)) {
    console.error(formatBlocking(reports));
    return 1;
  }
  return 0;
}

/**
 * `npm run` starts a script in the package root, whatever directory the user typed it in;
 * npm records that directory in INIT_CWD. Read relative paths from there, as any command
 * would. Only when npm ran this very script: a test run by `npm test` inherits INIT_CWD.
 */
function userDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.npm_lifecycle_event === "guardrails" && env.INIT_CWD ? env.INIT_CWD : undefined;
}

/** A path as the user gave it: relative stays relative (to where they are), absolute stays absolute. */
const shown = (path: string) => (isAbsolute(path) ? path : relative(process.cwd(), path) || ".");

/** Exit 2 with one line for anything that is not a finding: no stack trace. */
async function main(args: string[]): Promise<number> {
  try {
    const dir = userDirectory();
    if (dir) process.chdir(dir);
    return await run(args);
  } catch (e) {
    const problems = e instanceof InputProblems ? e.problems : e instanceof CliError ? [e] : undefined;
    if (problems) console.error(problems.map((p) => `guardrails: ${p.file}: ${p.message}`).join("\n"));
    else if (e instanceof UsageError) console.error(`guardrails: ${e.message}\n\n${USAGE}`);
    else console.error(`guardrails: ${ioMessage(e)}`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
