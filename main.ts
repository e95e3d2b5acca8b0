/**
 * Entry point (`npm run synth`, `npx cdktf synth`): load the config (INFRA_CONFIG, or the
 * configs named on the command line, or `--all`: config/synth-arguments.ts), synthesize every
 * stack of each. A config problem (of any of them) or a guardrail finding prints every problem
 * and exits 1 without touching the output; an unknown option prints the usage and exits 2.
 * `--hcl` (or SYNTH_HCL_OUTPUT=true) writes cdk.tf with inline scanner comments.
 */
import { loadSpecFile } from "./config/load";
import { ConfigError } from "./config/problems";
import { parseSynthArguments, SYNTH_USAGE, SynthUsageError, type SynthArguments } from "./config/synth-arguments";
import { GuardrailError } from "./guardrails/enforce";
import type { AppSpec } from "./config/schema";
import { applyCdktfSpeedups } from "./stacks/cdktf-speedups";
import { runByCdktfCli } from "./stacks/cdktf-cli-orphans";
import { OutputFolderError } from "./stacks/output-folder";
import { synthesizeApps } from "./stacks/synthesize";

async function main(): Promise<number> {
  let args: SynthArguments;
  try {
    args = parseSynthArguments(process.argv);
  } catch (e) {
    if (!(e instanceof SynthUsageError)) throw e;
    console.error(`synth: ${e.message}\n\n${SYNTH_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(SYNTH_USAGE);
    return 0;
  }
  const optimized = applyCdktfSpeedups();
  // Empty counts as unset: "" would resolve to the working folder.
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  const { files, hcl } = args;
  // cdktf's stack synthesizer reads this variable, its App reads its config: set both alike.
  process.env.SYNTH_HCL_OUTPUT = String(hcl);
  for (const w of args.warnings) console.warn(w);
  const specs: AppSpec[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      specs.push(loadSpecFile(file, args.source));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(e.message);
    }
  }
  // Every config's problems at once, before anything is synthesized.
  if (problems.length > 0) return refuse(problems.join("\n"), outdir);
  try {
    const { stacks, summaries, warnings } = await synthesizeApps(specs, outdir, {
      hcl,
      configFiles: files,
      backgroundWrites: optimized,
      cdktfCli: runByCdktfCli(),
    });
    for (const w of warnings) console.warn(w);
    const from = files.length === 1 ? files[0] : `${files.length} configs (${files.join(", ")})`;
    console.log(`Synthesized ${stacks.length} stacks from ${from} into ${outdir}/stacks${hcl ? " (HCL)" : ""}; guardrails:`);
    for (const line of summaries) console.log(line);
    console.log(`For reviewers, every stack on one page: ${outdir}/report.html (\`npm run report\` prints its summary)`);
    return 0;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof GuardrailError || e instanceof OutputFolderError) return refuse(e.message, outdir);
    throw e;
  }
}

/** Print why synth stopped; exit code 1. */
function refuse(message: string, outdir: string): number {
  console.error(message);
  console.error(`Nothing was written; ${outdir} is unchanged.`);
  return 1;
}

main().then((code) => {
  process.exitCode = code;
  // The HCL formatter's Go runtime (WebAssembly) leaves timers that kept the process alive
  // ~1 s after everything was written and printed: exit once what was printed is flushed
  // (a pipe takes writes asynchronously; an empty write's callback comes after those before it).
  // main() set the variable for cdktf when it synthesized HCL.
  if (process.env.SYNTH_HCL_OUTPUT === "true") process.stdout.write("", () => process.stderr.write("", () => process.exit()));
});
