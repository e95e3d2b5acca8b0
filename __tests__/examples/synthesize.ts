/**
 * Synthesizes one example config for dev, staging and prod, the way `npm run synth` does
 * (protection aspects, then the guardrails on every stack), once per test file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpecFile } from "../../config/load";
import type { AppSpec, EnvironmentName } from "../../config/schema";
import { blocking, type StackReport } from "../../guardrails/engine";
import { enforce } from "../../guardrails/enforce";
import type { BuiltApp } from "../../stacks/build-app";
import { buildWithAspects, builtStack, statefulAddresses, type TfJson } from "../helpers";

export const EXAMPLES_DIR = join(__dirname, "..", "..", "examples");

/** The account every example gives an environment. */
export function accountOf(env: EnvironmentName): string {
  return { dev: "111111111111", staging: "222222222222", prod: "333333333333" }[env]!;
}

export interface SynthesizedExample {
  readonly built: BuiltApp;
  readonly reports: readonly StackReport[];
  /** The Terraform JSON of a stack by id, e.g. `omniportal-prod-app`: frozen, shared by the worker's files (copy it to change it). */
  readonly tf: (id: string) => TfJson;
}

/** The value, every object and array in it frozen: a file that changed a shared stack's JSON would change it for the next. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const cache = new Map<string, SynthesizedExample>();

export function synthesizeExample(file: string): SynthesizedExample {
  const hit = cache.get(file);
  if (hit) return hit;
  const built = buildWithAspects(exampleSpec(file));
  const reports = enforce(built.stacks);
  const json = new Map<string, TfJson>();
  const tf = (id: string) => {
    if (!json.has(id)) json.set(id, deepFreeze(builtStack(built, id).stack.toTerraform() as TfJson));
    return json.get(id)!;
  };
  const result = { built, reports, tf };
  cache.set(file, result);
  return result;
}

/** The example's config as `npm run synth` loads it (validated). */
export const exampleSpec = (file: string): AppSpec => loadSpecFile(join(EXAMPLES_DIR, file));

/** The example's JSON as written, to change in a test. */
export const rawExample = (file: string): any => JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8"));

/** Blocking findings of every stack (guardrails clean: empty), with stale suppressions. */
export const blockingFindings = (reports: readonly StackReport[]): string[] =>
  reports.flatMap((r) => [
    ...blocking(r).map((f) => `${r.stack}: ${f.ruleId} ${f.address}`),
    ...r.staleSuppressions.map((s) => `${r.stack}: stale suppression ${s.id} on ${s.constructPath}`),
  ]);

/** Prod's stateful addresses are exactly the pinned ones, and dev's are among them (a smaller dev). */
export function expectPinnedStateful(prod: TfJson, dev: TfJson, pinned: readonly string[]): void {
  expect(statefulAddresses(prod)).toEqual(pinned);
  expect(pinned).toEqual(expect.arrayContaining(statefulAddresses(dev)));
}
