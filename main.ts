/**
 * Entry point (`npm run synth`, `npx cdktf synth`): load the config, build the stacks,
 * synthesize. A config problem prints every problem and exits 1 without touching the output.
 */
import { configFileFromEnv, loadSpecFile } from "./config/load";
import { ConfigError } from "./config/problems";
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
      built.app.synth();
      stacks = [...built.bootstrapStacks, ...built.appStacks].map((s) => s.node.id);
    });
    console.log(`Synthesized ${stacks.length} stacks from ${file} into ${outdir}/stacks: ${stacks.join(", ")}`);
    return 0;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      console.error(`Nothing was written; ${outdir} is unchanged.`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main();
