/**
 * The folder a synth replaces whole (writeAtomically): checked before anything is written,
 * because the replaced folder is deleted. `CDKTF_OUTDIR=.` or a folder of the user's files
 * must be refused, not emptied.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";

/** The output folder cannot be used: printed as it is, exit 1, nothing written. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
}

/** What every synth output holds (cdktf writes both), and no other folder does by chance. */
const OUTPUT_MARKERS = ["manifest.json", "stacks"];

const REPLACEABLE =
  "synth replaces its output folder whole, so it writes only to a new or empty folder or over a previous synth's output; " +
  "set CDKTF_OUTDIR to such a folder";

/**
 * Throws unless `target` (absolute) is missing, an empty folder, or a previous synth's output
 * (`manifest.json` and `stacks/`), and unless its parent folder exists or can be made.
 */
export function checkOutputFolder(target: string, parent: string): void {
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new OutputFolderError(`The output ${target} is a file: ${REPLACEABLE}.`);
    const entries = readdirSync(target);
    if (entries.length > 0 && !OUTPUT_MARKERS.every((m) => entries.includes(m))) {
      throw new OutputFolderError(
        `The output folder ${target} holds files that are not a synth's output (no ${OUTPUT_MARKERS.join(" and ")}): ${REPLACEABLE}.`,
      );
    }
  }
  try {
    mkdirSync(parent, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EEXIST" || code === "ENOTDIR" ? "part of that path is a file" : (e as Error).message;
    throw new OutputFolderError(
      `Cannot make the folder ${parent} for the output ${target} (${why}): set CDKTF_OUTDIR to a folder you can write.`,
    );
  }
}
