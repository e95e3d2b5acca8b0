/**
 * `npx cdktf synth` (and `deploy`, `diff`) lists the stack folders of `cdktf.out/stacks` before
 * it runs the synth, and afterwards deletes each one the new manifest does not name, with
 * `rmSync` and no `force`. The synth replaces the output folder whole (writeAtomically), so
 * those folders are gone already and the CLI failed with `ENOENT ... lstat` right after a synth
 * of another config. Under the CLI, the new output keeps an empty folder for each such stack,
 * for the CLI to delete: it ends as without the CLI, with only the new stacks.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CONTEXT_ENV, Manifest } from "cdktf";

/**
 * Whether the cdktf CLI runs this synth: its synth (cli-core's SynthStack) alone puts
 * `cdktfRelativeModules` into the context it passes in CDKTF_CONTEXT_JSON.
 */
export function runByCdktfCli(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    const context: unknown = JSON.parse(env[CONTEXT_ENV] ?? "{}");
    return typeof context === "object" && context !== null && "cdktfRelativeModules" in context;
  } catch {
    return false;
  }
}

/**
 * In `staging`, an empty folder for each stack folder of the `current` output that `stacks`
 * (the new output's) does not hold: what the cdktf CLI will delete as orphaned.
 */
export function keepOrphansForCdktfCli(current: string, staging: string, stacks: readonly string[]): void {
  const folder = join(current, Manifest.stacksFolder);
  if (!existsSync(folder)) return;
  const orphans = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory() && !stacks.includes(e.name));
  for (const orphan of orphans) mkdirSync(join(staging, Manifest.stacksFolder, orphan.name), { recursive: true });
}
