/**
 * What `terraform init` leaves in a stack's folder survives the next synth: synth replaces
 * `cdktf.out` whole (atomically), so without this every synth would undo `init` and provider
 * lock files could never be committed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const LOCK_FILE = ".terraform.lock.hcl";
/** What `terraform init` leaves in a stack's folder, and this module carries over. */
export const TERRAFORM_INIT_ENTRIES = [".terraform", LOCK_FILE];

/**
 * The committed home of the provider lock files, beside the output folder:
 * `terraform-locks/<stack>.terraform.lock.hcl` (for `cdktf.out`, at the project root).
 */
export function lockHome(outdir: string): string {
  return join(dirname(resolve(outdir)), "terraform-locks");
}

const sameContent = (a: string, b: string) => existsSync(b) && readFileSync(a).equals(readFileSync(b));

/**
 * For each stack of the new output in `staging`: move `.terraform/` over from the current
 * output; save a lock file `terraform init` wrote there into the lock home (so it can be
 * committed); then put the lock home's file into the new stack folder.
 */
export function carryOverInit(current: string, staging: string, stacks: readonly string[]): void {
  const home = lockHome(current);
  for (const stack of stacks) {
    const from = join(current, "stacks", stack);
    const to = join(staging, "stacks", stack);
    const saved = join(home, `${stack}${LOCK_FILE}`);
    if (existsSync(join(from, ".terraform"))) renameSync(join(from, ".terraform"), join(to, ".terraform"));
    if (existsSync(join(from, LOCK_FILE)) && !sameContent(join(from, LOCK_FILE), saved)) {
      mkdirSync(home, { recursive: true });
      copyFileSync(join(from, LOCK_FILE), saved);
    }
    if (existsSync(saved)) copyFileSync(saved, join(to, LOCK_FILE));
  }
}
