import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve as resolvePath, sep } from "node:path";
import { engineSupportWarning } from "../config/database-engines";
import { overBudgetWarning } from "../evidence/cost";
import { REPORT_PAGE, writeReportHtml } from "../evidence/report-html";
import { writeEvidence, type StackEvidence } from "../evidence/write";
import { ConfigError } from "../config/problems";
import type { ResolvedEnvironment } from "../config/resolve";
import type { AppSpec } from "../config/schema";
import { evaluateStack, staleWarnings, throwIfBlocking, writeScannerConfigs, writeStackReports } from "../guardrails/enforce";
import { reviewedFile, type ReviewedConfig, type StackReport } from "../guardrails/engine";
import { graphOf, TfGraph, type TfJsonDocument } from "../guardrails/graph";
import { finishHcl } from "../guardrails/hcl-output";
import { summaryLine, writeNow, type WriteFile } from "../guardrails/reports";
import { stateAccessWarning, stateLockoutWarning } from "./bootstrap-stack";
import { unwatchedAlarmsWarning } from "./app-stack";
import { buildApp, type BuiltApp } from "./build-app";
import { BackgroundWrites } from "./background-writes";
import { keepOrphansForCdktfCli } from "./cdktf-cli-orphans";
import { checkOutputFolder } from "./output-folder";
import { carryOverInit } from "./terraform-workdirs";

export interface SynthesisResult {
  /** Stack names written, in build order. */
  readonly stacks: readonly string[];
  /** Per stack: checks passed, suppressed, and where its guardrails.md is (printed). */
  readonly summaries: readonly string[];
  /** What `synthesisWarnings` finds (printed). */
  readonly warnings: readonly string[];
}

export interface SynthesisOptions {
  /** Write cdk.tf (HCL) instead of cdk.tf.json. */
  readonly hcl: boolean;
  /** The config file of each spec, in order, named with its sha256 in the guardrail reports. @default - not named */
  readonly configFiles?: readonly string[];
  /**
   * Write reports and evidence in the background while the synth goes on (BackgroundWrites);
   * false writes each before going on, as the unoptimized synth does (the equivalence test's baseline).
   * @default true
   */
  readonly backgroundWrites?: boolean;
  /**
   * The cdktf CLI runs the synth: the output keeps an empty folder for each stack of the
   * previous output that it no longer holds, for the CLI to delete (cdktf-cli-orphans.ts).
   * @default false
   */
  readonly cdktfCli?: boolean;
}

/**
 * Build every stack of the spec, synthesize, check the guardrails on what synth wrote, add
 * the reports (and, for HCL, the inline scanner comments), then move it all into `outdir`,
 * keeping each stack's `.terraform/` and provider lock file (`terraform-workdirs.ts`).
 * A GuardrailError leaves `outdir` as it was.
 */
export async function synthesizeApp(spec: AppSpec, outdir: string, options: SynthesisOptions): Promise<SynthesisResult> {
  return synthesizeApps([spec], outdir, options);
}

/** A config file as its reports name it: path from the working directory, sha256 of its bytes (no dates: output stays reproducible). */
export function reviewedConfig(file: string): ReviewedConfig {
  return reviewedFile(relative(process.cwd(), resolvePath(file)).split(sep).join("/"), readFileSync(file));
}

/**
 * Several specs in one process, into one `outdir/stacks/<stack>` layout (stack names carry
 * the app name) with one manifest and one set of scanner configs, as `synthesizeApp` writes
 * one spec. A stack name two specs share is a ConfigError; a finding in any stack of any spec
 * leaves `outdir` as it was, every spec's findings listed.
 */
export async function synthesizeApps(specs: readonly AppSpec[], outdir: string, options: SynthesisOptions): Promise<SynthesisResult> {
  let result: SynthesisResult = { stacks: [], summaries: [], warnings: [] };
  await writeAtomically(outdir, async (stagingDir) => {
    const writes = new BackgroundWrites();
    const write = options.backgroundWrites === false ? writeNow : writes.write;
    try {
      result = await synthesizeAll(specs, stagingDir, outdir, options, write);
    } catch (e) {
      // None may still be writing when the staging folder is removed.
      await writes.settled();
      throw e;
    }
    await writes.finished();
    // Last, once nothing can fail: what `terraform init` made survives the swap.
    carryOverInit(outdir, stagingDir, result.stacks);
    if (options.cdktfCli) keepOrphansForCdktfCli(outdir, stagingDir, result.stacks);
  });
  return result;
}

/** Everything `synthesizeApps` writes, into `stagingDir`; reports and evidence by `write`. */
async function synthesizeAll(
  specs: readonly AppSpec[],
  stagingDir: string,
  outdir: string,
  options: SynthesisOptions,
  write: WriteFile,
): Promise<SynthesisResult> {
  const built = specs.map((spec, i) => {
    const file = options.configFiles?.[i];
    return buildApp(spec, stagingDir, {
      hclOutput: options.hcl,
      attachGuardrails: false,
      config: file ? reviewedConfig(file) : undefined,
    });
  });
  rejectSharedStackNames(
    built.map((b) => b.stacks.map((s) => s.stack.node.id)),
    options.configFiles,
  );
  const apps: AppSynthesis[] = [];
  for (const b of built) apps.push(await synthesizeBuilt(b, stagingDir, options.hcl, write));
  const reports = apps.flatMap((a) => a.reports);
  throwIfBlocking(reports);
  // Each App wrote its own manifest over the last one: list every stack in one.
  if (apps.length > 1) writeFileSync(join(stagingDir, "manifest.json"), mergedManifest(apps.map((a) => a.manifest)));
  writeScannerConfigs(stagingDir, reports, { hcl: options.hcl, write });
  writeReportHtml(
    join(stagingDir, REPORT_PAGE),
    apps.flatMap((a) => a.evidence),
    write,
  );
  return {
    stacks: built.flatMap((b) => b.stacks.map((s) => s.stack.node.id)),
    summaries: reports.map((r) => summaryLine(r, join(outdir, "stacks", r.stack, "guardrails.md"))),
    warnings: synthesisWarnings(
      built.flatMap((b) => b.environments),
      reports,
      apps.flatMap((a) => a.evidence),
    ),
  };
}

/**
 * What synth warns of, in this order: state open to the whole account (or only to the CI
 * roles), database majors past standard support, a prod whose alarms reach no one,
 * suppressions that matched nothing, and cost estimates above the budget.
 */
export function synthesisWarnings(
  environments: readonly ResolvedEnvironment[],
  reports: readonly StackReport[],
  evidence: readonly StackEvidence[],
): string[] {
  return [
    ...environments.flatMap((env) => stateAccessWarning(env) ?? stateLockoutWarning(env) ?? []),
    ...environments.flatMap((env) => (env.database && engineSupportWarning(env.stackNames.app, env.database)) || []),
    ...environments.flatMap((env) => unwatchedAlarmsWarning(env) ?? []),
    ...staleWarnings(reports),
    ...evidence.flatMap((e) => (e.cost && e.environment && overBudgetWarning(e.cost, e.budgetUsd, e.environment)) || []),
  ];
}

/** What synthesizing one built app wrote and found. */
interface AppSynthesis {
  /** The App's manifest.json as cdktf wrote it. */
  readonly manifest: string;
  /** Every stack's guardrail report, blocking findings included (the caller decides). */
  readonly reports: readonly StackReport[];
  readonly evidence: readonly StackEvidence[];
}

/**
 * Synthesize one built app into `stagingDir/stacks/<stack>`, check the guardrails on what
 * synth wrote, and write beside each stack its reports (and, for HCL, the inline scanner
 * comments) and evidence. Findings are returned, not thrown: the caller fails the whole
 * synthesis on them, every app's findings listed.
 */
async function synthesizeBuilt(built: BuiltApp, stagingDir: string, hcl: boolean, write: WriteFile): Promise<AppSynthesis> {
  built.app.synth();
  const manifest = readFileSync(join(stagingDir, "manifest.json"), "utf8");
  const stackDir = (id: string) => join(stagingDir, "stacks", id);
  // The guardrails and the evidence read the JSON synth wrote rather than resolving each stack
  // again, through one graph of it per stack; its report names that file by its sha256.
  const read = built.stacks.map(({ stack }) => {
    const text = hcl ? undefined : readFileSync(join(stackDir(stack.node.id), "cdk.tf.json"), "utf8");
    const graph = new TfGraph((text === undefined ? stack.toTerraform() : JSON.parse(text)) as TfJsonDocument);
    rejectForeignReferences(stack.node.id, graph);
    return { graph, terraform: text === undefined ? undefined : reviewedFile("cdk.tf.json", text) };
  });
  const reports: StackReport[] = [];
  for (const [i, guarded] of built.stacks.entries()) {
    const { graph, terraform } = read[i];
    const report = evaluateStack(guarded, graph);
    if (terraform) {
      reports.push({ ...report, terraform });
      continue;
    }
    // HCL: the file as written, with the scanners' comments the report decides.
    const file = join(stackDir(guarded.stack.node.id), "cdk.tf");
    const finished = await finishHcl(readFileSync(file, "utf8"), graph.doc, report);
    writeFileSync(file, finished);
    reports.push({ ...report, terraform: reviewedFile("cdk.tf", finished) });
  }
  writeStackReports(stagingDir, reports, { hcl, write });
  const evidence = built.stacks.map(({ stack }, i) =>
    writeEvidence(stackDir(stack.node.id), read[i].graph, reports[i], built.environments, write),
  );
  return { manifest, reports, evidence };
}

/** A resource or data source of the platform's providers, by address: `aws_kms_key.Key`, `data.aws_region.current`. */
const PROVIDER_ADDRESS = /^(?:data\.)?(?:aws|random)_/;

/**
 * Every resource a stack's JSON references is in that stack. The synth skips cdktf's
 * cross-stack preparation (stacks/cdktf-speedups.ts), which the platform's stacks never need; a reference to
 * another stack's resource would otherwise reach Terraform unresolved. A bug, not a config
 * problem: it names the stack and the address. Reads the references the graph found in
 * resources, data sources and providers, and those in outputs and locals.
 */
export function rejectForeignReferences(stack: string, input: TfJsonDocument | TfGraph): void {
  const graph = graphOf(input);
  const missing = [...graph.missingReferences, ...graph.missingIn({ output: graph.doc.output, locals: graph.doc.locals })];
  const foreign = missing.find((address) => PROVIDER_ADDRESS.test(address));
  if (foreign) {
    throw new Error(
      `${stack} references ${foreign}, which is not in the stack: stacks must not reference each other ` +
        "(the synth skips cdktf's cross-stack preparation; SYNTH_UNOPTIMIZED=1 synthesizes without that shortcut)",
    );
  }
}

/**
 * Two specs that would write the same stack folders (the same app name): a config problem of
 * the later one, naming the earlier (by file when there are files), before anything is written.
 */
function rejectSharedStackNames(stackIdsPerSpec: readonly (readonly string[])[], files?: readonly string[]): void {
  const label = (i: number) => files?.[i] ?? `config ${i + 1}`;
  const owner = new Map<string, number>();
  for (const [i, ids] of stackIdsPerSpec.entries()) {
    const shared = ids.filter((id) => owner.has(id));
    if (shared.length > 0) {
      const first = owner.get(shared[0])!;
      const stacks = shared.length > 2 ? `${shared.slice(0, 2).join(", ")} and ${shared.length - 2} more` : shared.join(" and ");
      throw new ConfigError(label(i), [
        { path: "app", message: `makes the same stacks as ${label(first)} (${stacks}): give each config its own app name` },
      ]);
    }
    for (const id of ids) owner.set(id, i);
  }
}

/** One manifest listing every App's stacks (cdktf reads `stacks`; `version` is the same for all). */
function mergedManifest(manifests: readonly string[]): string {
  const parsed = manifests.map((m) => JSON.parse(m) as { version: string; stacks: Record<string, unknown> });
  const stacks = Object.assign({}, ...parsed.map((m) => m.stacks)) as Record<string, unknown>;
  return JSON.stringify({ stacks, version: parsed[0].version }, null, 2);
}

/**
 * Run `write(stagingDir)` and move its result into `outdir` only if it succeeds, so that
 * `outdir` always holds either the previous good output or the new one, never half of it.
 * An `outdir` that is neither missing, empty nor a previous output is refused first
 * (OutputFolderError): the folder it replaces is deleted.
 */
export async function writeAtomically(outdir: string, write: (stagingDir: string) => void | Promise<void>): Promise<void> {
  const target = resolvePath(outdir);
  const parent = dirname(target);
  checkOutputFolder(target, parent);
  const staging = join(parent, `.${basename(target)}.staging-${process.pid}`);
  const previous = join(parent, `.${basename(target)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    await write(staging);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}
