/**
 * Entry point (`npm run synth`, `npx cdktf synth`): load the config (INFRA_CONFIG, or the
 * configs named on the command line, or `--all`), synthesize every stack of each. A config
 * problem (of any of them) or a guardrail finding prints every problem and exits 1 without
 * touching the output. `--hcl` (or SYNTH_HCL_OUTPUT=true) writes cdk.tf with inline scanner comments.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { configFileFromEnv, DEFAULT_CONFIG_FILE, loadSpecFile } from "./config/load";
import { ConfigError } from "./config/problems";
import { GuardrailError } from "./guardrails/enforce";
import type { AppSpec } from "./config/schema";
import { applyCdktfSpeedups } from "./stacks/cdktf-speedups";
import { synthesizeApps } from "./stacks/synthesize";

/** Config files named on the command line (`npm run synth -- a.json b.json`); `--all`: the default and every example. */
function configArgs(argv: readonly string[]): string[] {
  const named = argv.slice(2).filter((a) => !a.startsWith("--"));
  if (!argv.includes("--all")) return named;
  const examples = readdirSync("examples")
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join("examples", f));
  return [...new Set([DEFAULT_CONFIG_FILE, ...examples, ...named])];
}

const hcl = process.argv.includes("--hcl") || process.env.SYNTH_HCL_OUTPUT === "true";

async function main(): Promise<number> {
  const optimized = applyCdktfSpeedups();
  const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
  // cdktf's stack synthesizer reads this variable, its App reads its config: set both alike.
  process.env.SYNTH_HCL_OUTPUT = String(hcl);
  const named = configArgs(process.argv);
  const files = named.length > 0 ? named : [configFileFromEnv()];
  const specs: AppSpec[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      specs.push(loadSpecFile(file));
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
    });
    for (const w of warnings) console.warn(w);
    const from = files.length === 1 ? files[0] : `${files.length} configs (${files.join(", ")})`;
    console.log(`Synthesized ${stacks.length} stacks from ${from} into ${outdir}/stacks${hcl ? " (HCL)" : ""}; guardrails:`);
    for (const line of summaries) console.log(line);
    return 0;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof GuardrailError) return refuse(e.message, outdir);
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
  if (hcl) process.stdout.write("", () => process.stderr.write("", () => process.exit()));
});
