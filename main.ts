/**
 * Entry point (`npm run synth`, `npx cdktf synth`): load the config, synthesize every stack.
 * A config problem or a guardrail finding prints every problem and exits 1 without touching
 * the output. `--hcl` (or SYNTH_HCL_OUTPUT=true) writes cdk.tf with inline scanner comments.
 */
import { basename, join } from "node:path";
import { configFileFromEnv, loadSpecFile } from "./config/load";
import { ConfigError } from "./config/problems";
import { GuardrailError } from "./guardrails/enforce";
import { synthesizeApp, type SynthesisResult } from "./stacks/synthesize";

/**
 * cdktf records a full stack trace for every token it creates (references, lists, lazy
 * values: tens of thousands here, ~0.15 s of a synth) only to quote it in resolution error
 * messages; its `stackTraces: false` covers construct metadata, not these. The entry point
 * makes the capture a no-op through the module's own export, which cdktf's callers read at
 * every call, without touching node_modules. The JSON is unchanged (the equivalence test
 * checks every config); a resolution error just names no creation stack.
 * SYNTH_UNOPTIMIZED=1 keeps the capture.
 */
function skipTokenStackTraces(): void {
  if (process.env.SYNTH_UNOPTIMIZED === "1") return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const traces = require("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace: () => string[] };
  traces.captureStackTrace = () => [];
}

/** Config files named on the command line (`npm run synth -- a.json b.json`); none means INFRA_CONFIG or the default. */
const configArgs = (argv: readonly string[]) => argv.slice(2).filter((a) => !a.startsWith("--"));

async function main(): Promise<number> {
  skipTokenStackTraces();
  const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
  const hcl = process.argv.includes("--hcl") || process.env.SYNTH_HCL_OUTPUT === "true";
  // cdktf's stack synthesizer reads this variable, its App reads its config: set both alike.
  process.env.SYNTH_HCL_OUTPUT = String(hcl);
  const files = configArgs(process.argv);
  if (files.length === 0) return synthesizeOne(configFileFromEnv(), outdir, hcl);
  return synthesizeMany(files, outdir, hcl);
}

/** Warnings, then what was written and each stack's guardrail summary. */
function printResult({ stacks, summaries, warnings }: SynthesisResult, file: string, outdir: string, hcl: boolean): void {
  for (const w of warnings) console.warn(w);
  console.log(`Synthesized ${stacks.length} stacks from ${file} into ${outdir}/stacks${hcl ? " (HCL)" : ""}; guardrails:`);
  for (const line of summaries) console.log(line);
}

/** One config into `outdir`. */
async function synthesizeOne(file: string, outdir: string, hcl: boolean): Promise<number> {
  try {
    printResult(await synthesizeApp(loadSpecFile(file), outdir, { hcl }), file, outdir, hcl);
    return 0;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof GuardrailError) {
      console.error(e.message);
      console.error(`Nothing was written; ${outdir} is unchanged.`);
      return 1;
    }
    throw e;
  }
}

/**
 * Several configs in one process (`npm run synth -- examples/*.json`), each into
 * `<outdir>/<file name without .json>`: modules load once. Every config is validated before
 * anything is written; a guardrail finding leaves that config's folder as it was and the
 * others are still written (the exit code says one failed).
 */
async function synthesizeMany(files: readonly string[], outdir: string, hcl: boolean): Promise<number> {
  const names = files.map((f) => basename(f).replace(/\.json$/, ""));
  const clash = names.find((n, i) => names.indexOf(n) !== i);
  if (clash !== undefined) {
    console.error(`Two configs are named ${clash}: each is written to ${outdir}/<name>, so their names must differ. Nothing was written.`);
    return 1;
  }
  const specs = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      specs.push(loadSpecFile(file));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(e.message);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error(`Nothing was written; ${outdir} is unchanged.`);
    return 1;
  }
  let failed = 0;
  for (const [i, spec] of specs.entries()) {
    const dir = join(outdir, names[i]);
    try {
      printResult(await synthesizeApp(spec, dir, { hcl }), files[i], dir, hcl);
    } catch (e) {
      if (!(e instanceof GuardrailError)) throw e;
      console.error(e.message);
      console.error(`Nothing was written for ${files[i]}; ${dir} is unchanged.`);
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
}

main().then((code) => (process.exitCode = code));
