/**
 * Entry point (`npm run synth`, `npx cdktf synth`): load the config, build the stacks,
 * check the guardrails, synthesize, write the reports. A config problem or a guardrail
 * finding prints every problem and exits 1 without touching the output.
 * `--hcl` (or SYNTH_HCL_OUTPUT=true) writes cdk.tf with inline scanner suppressions.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configFileFromEnv, loadSpecFile } from "./config/load";
import { ConfigError } from "./config/problems";
import { enforce, GuardrailError, staleWarnings, writeReports } from "./guardrails/enforce";
import type { TfJsonDocument } from "./guardrails/graph";
import { finishHcl } from "./guardrails/hcl-output";
import { buildApp } from "./stacks/build-app";
import { writeAtomically } from "./stacks/synthesize";

async function main(): Promise<number> {
  const file = configFileFromEnv();
  const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
  const hcl = process.argv.includes("--hcl") || process.env.SYNTH_HCL_OUTPUT === "true";
  // cdktf's stack synthesizer reads this variable, its App reads its config: set both alike.
  process.env.SYNTH_HCL_OUTPUT = String(hcl);
  try {
    const spec = loadSpecFile(file);
    let stacks: string[] = [];
    await writeAtomically(outdir, async (stagingDir) => {
      const built = buildApp(spec, stagingDir, { hclOutput: hcl, attachGuardrails: false });
      built.app.synth();
      // The guardrails read what synth wrote; a finding throws and the staging dir is dropped.
      const stackFile = (id: string) => join(stagingDir, "stacks", id, "cdk.tf.json");
      const reports = enforce(built.stacks, (stack) =>
        (hcl ? stack.toTerraform() : JSON.parse(readFileSync(stackFile(stack.node.id), "utf8"))) as TfJsonDocument,
      );
      if (hcl) {
        for (const [i, { stack }] of built.stacks.entries()) {
          const tf = join(stagingDir, "stacks", stack.node.id, "cdk.tf");
          writeFileSync(tf, await finishHcl(readFileSync(tf, "utf8"), stack.toTerraform() as TfJsonDocument, reports[i]));
        }
      }
      writeReports(stagingDir, reports, { hcl });
      for (const w of staleWarnings(reports)) console.warn(w);
      stacks = built.stacks.map((s) => s.stack.node.id);
    });
    console.log(`Synthesized ${stacks.length} stacks from ${file} into ${outdir}/stacks${hcl ? " (HCL)" : ""}: ${stacks.join(", ")}`);
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

main().then((code) => (process.exitCode = code));
