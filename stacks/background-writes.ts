/**
 * The files a synth writes beside each stack's Terraform JSON (reports, evidence, the report
 * page, scanner configs): about 270 files and 28 MB for every config at once. Written by
 * node's thread pool while the synth goes on with the next app, instead of one after another
 * on the thread that builds and checks the stacks; `finished` waits for all of them before
 * the output moves into place.
 */
import { writeFile } from "node:fs/promises";
import type { WriteFile } from "../guardrails/reports";

export class BackgroundWrites {
  private readonly pending: Promise<void>[] = [];

  /** Starts writing `contents` to `file` (its folder exists); a failure surfaces in `finished`. */
  readonly write: WriteFile = (file, contents) => {
    const written = writeFile(file, contents);
    // Handled here, reported by `finished`: an unhandled rejection would end the process first.
    written.catch(() => undefined);
    this.pending.push(written);
  };

  /** Resolves once every write started so far has ended; rejects with the first that failed (after all ended). */
  async finished(): Promise<void> {
    const failed = (await this.settled()).find((e): e is PromiseRejectedResult => e.status === "rejected");
    if (failed) throw failed.reason;
  }

  /** Every write started so far, ended, failed or not: then none writes into a folder being removed. */
  settled(): Promise<PromiseSettledResult<void>[]> {
    return Promise.allSettled(this.pending.splice(0));
  }
}
