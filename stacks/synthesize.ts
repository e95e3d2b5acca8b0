import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve as resolvePath } from "node:path";

/**
 * Run `write(stagingDir)` and move its result into `outdir` only if it succeeds, so that
 * `outdir` always holds either the previous good output or the new one, never half of it.
 */
export async function writeAtomically(outdir: string, write: (stagingDir: string) => void | Promise<void>): Promise<void> {
  const target = resolvePath(outdir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
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
