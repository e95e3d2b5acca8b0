/**
 * The folder a synth replaces whole (writeAtomically): checked before anything is written,
 * because the replaced folder is deleted. `CDKTF_OUTDIR=.` or a folder of the user's files
 * must be refused, not emptied.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Manifest } from "cdktf";
import { REPORT_PAGE } from "../evidence/report-html";
import { CHECKOV_CONFIG_FILE, TRIVY_IGNORE_FILE } from "../guardrails/scanner-config";
import { TERRAFORM_INIT_ENTRIES } from "./terraform-workdirs";

/** The output folder cannot be used: printed as it is, exit 1, nothing written. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
}

/** Everything a synth (ours, HCL or cdktf's own) writes at the top of its output; Finder's .DS_Store aside. */
const OUTPUT_ENTRIES = [Manifest.fileName, Manifest.stacksFolder, REPORT_PAGE, CHECKOV_CONFIG_FILE, TRIVY_IGNORE_FILE, ".DS_Store"];

const REPLACEABLE =
  "synth replaces its output folder whole, so it writes only to a new or empty folder or over a previous synth's output; " +
  "set CDKTF_OUTDIR to such a folder";

/**
 * Throws unless `target` (absolute) is missing, an empty folder, or a previous output (only
 * what a synth writes at its top, with a manifest.json that lists stacks; or only stack folders
 * holding what `terraform init` left), and unless its parent folder exists or can be made.
 */
export function checkOutputFolder(target: string, parent: string): void {
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new OutputFolderError(`The output ${target} is a file: ${REPLACEABLE}.`);
    const why = notAnOutput(target);
    if (why) throw new OutputFolderError(`The output folder ${target} ${why}: ${REPLACEABLE}.`);
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

/** Why the folder is not a synth's output, or undefined when it is one (or empty). */
function notAnOutput(folder: string): string | undefined {
  const entries = readdirSync(folder);
  const foreign = entries.filter((e) => !OUTPUT_ENTRIES.includes(e));
  if (foreign.length > 0) {
    const named = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : "");
    return `holds what no synth writes (${named})`;
  }
  if (entries.includes(Manifest.fileName))
    return listsStacks(join(folder, Manifest.fileName)) ? undefined : "has a manifest.json that lists no stacks";
  // No manifest: only what `terraform init` left in stack folders (a restored cache) may stay.
  const stacks = join(folder, Manifest.stacksFolder);
  if (!existsSync(stacks)) return undefined;
  const leftovers = readdirSync(stacks, { withFileTypes: true }).flatMap((s) =>
    s.isDirectory() ? readdirSync(join(stacks, s.name)).filter((e) => !TERRAFORM_INIT_ENTRIES.includes(e)) : [s.name],
  );
  return leftovers.length === 0 ? undefined : "has no manifest.json, and its stacks/ holds more than terraform init leaves";
}

function listsStacks(manifest: string): boolean {
  try {
    const stacks = (JSON.parse(readFileSync(manifest, "utf8")) as { stacks?: unknown }).stacks;
    return typeof stacks === "object" && stacks !== null;
  } catch {
    return false;
  }
}
