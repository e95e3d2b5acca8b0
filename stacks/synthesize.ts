import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve as resolvePath } from "node:path";
import { engineSupportWarning } from "../config/database-engines";
import { writeEvidence } from "../evidence/write";
import type { AppSpec } from "../config/schema";
import { enforce, staleWarnings, writeReports } from "../guardrails/enforce";
import type { TfJsonDocument } from "../guardrails/graph";
import { finishHcl } from "../guardrails/hcl-output";
import { summaryLine } from "../guardrails/reports";
import { stateAccessWarning } from "./bootstrap-stack";
import { buildApp } from "./build-app";
import { carryOverInit } from "./terraform-workdirs";

export interface SynthesisResult {
  /** Stack names written, in build order. */
  readonly stacks: readonly string[];
  /** Per stack: checks passed, suppressed, and where its guardrails.md is (printed). */
  readonly summaries: readonly string[];
  /** Environments whose state any IAM principal may read, database majors past standard support, and suppressions that matched nothing (printed). */
  readonly warnings: readonly string[];
}

/**
 * Build every stack of the spec, synthesize, check the guardrails on what synth wrote, add
 * the reports (and, for HCL, the inline scanner comments), then move it all into `outdir`,
 * keeping each stack's `.terraform/` and provider lock file (`terraform-workdirs.ts`).
 * A GuardrailError leaves `outdir` as it was.
 */
export async function synthesizeApp(spec: AppSpec, outdir: string, options: { hcl: boolean }): Promise<SynthesisResult> {
  let result: SynthesisResult = { stacks: [], summaries: [], warnings: [] };
  await writeAtomically(outdir, async (stagingDir) => {
    const built = buildApp(spec, stagingDir, { hclOutput: options.hcl, attachGuardrails: false });
    built.app.synth();
    const stackDir = (id: string) => join(stagingDir, "stacks", id);
    // The guardrails and the diagrams read the JSON synth wrote rather than resolving each stack again.
    const docs = new Map(
      built.stacks.map(({ stack }) => [
        stack,
        (options.hcl
          ? stack.toTerraform()
          : JSON.parse(readFileSync(join(stackDir(stack.node.id), "cdk.tf.json"), "utf8"))) as TfJsonDocument,
      ]),
    );
    const reports = enforce(built.stacks, (stack) => docs.get(stack)!);
    if (options.hcl) {
      for (const [i, { stack }] of built.stacks.entries()) {
        const file = join(stackDir(stack.node.id), "cdk.tf");
        writeFileSync(file, await finishHcl(readFileSync(file, "utf8"), stack.toTerraform() as TfJsonDocument, reports[i]));
      }
    }
    writeReports(stagingDir, reports, { hcl: options.hcl });
    for (const [i, [stack, doc]] of [...docs].entries()) writeEvidence(stackDir(stack.node.id), doc, reports[i], built.environments);
    const openState = built.environments.flatMap((env) => stateAccessWarning(env) ?? []);
    const engines = built.environments.flatMap((env) => (env.database && engineSupportWarning(env.stackNames.app, env.database)) || []);
    const summaries = reports.map((r) => summaryLine(r, join(outdir, "stacks", r.stack, "guardrails.md")));
    result = {
      stacks: built.stacks.map((s) => s.stack.node.id),
      summaries,
      warnings: [...openState, ...engines, ...staleWarnings(reports)],
    };
    // Last, once nothing can fail: what `terraform init` made survives the swap.
    carryOverInit(outdir, stagingDir, result.stacks);
  });
  return result;
}

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
