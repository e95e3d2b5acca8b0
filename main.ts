/**
 * Entry point (`npm run synth`, `npx cdktf synth`): load the config, build the stacks,
 * check the guardrails, synthesize, write the reports. A config problem or a guardrail
 * finding prints every problem and exits 1 without touching the output.
 */
import { configFileFromEnv, loadSpecFile } from "./config/load";
import { ConfigError } from "./config/problems";
import { enforce, GuardrailError, staleWarnings, writeReports } from "./guardrails/enforce";
import { buildApp } from "./stacks/build-app";
import { writeAtomically } from "./stacks/synthesize";

function main(): number {
  const file = configFileFromEnv();
  const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
  try {
    const spec = loadSpecFile(file);
    let stacks: string[] = [];
    writeAtomically(outdir, (stagingDir) => {
      const built = buildApp(spec, stagingDir);
      const bySuppressions = new Map(built.stacks.map((s) => [s.stack, s.suppressions]));
      const reports = enforce(built.stacks.map((s) => s.stack), (stack) => bySuppressions.get(stack) ?? []);
      built.app.synth();
      writeReports(stagingDir, reports);
      for (const w of staleWarnings(reports)) console.warn(w);
      stacks = built.stacks.map((s) => s.stack.node.id);
    });
    console.log(`Synthesized ${stacks.length} stacks from ${file} into ${outdir}/stacks: ${stacks.join(", ")}`);
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

process.exitCode = main();
