/**
 * Three patches of cdktf's runtime that make a synth ~45% faster without changing its output.
 * `npm run synth` applies them, and so does the test suite (__tests__/setup.mjs), so that
 * tests synthesize as fast as the CLI; __tests__/synth-equivalence.test.ts compares the
 * CLI's output with and without them on every config. SYNTH_UNOPTIMIZED=1 skips them.
 * Each replaces an export or prototype method of cdktf at run time (node_modules stays as
 * installed; one reads the private `rawOverrides`): check all three on a cdktf upgrade.
 */
import { TerraformStack, Token } from "cdktf";

/**
 * cdktf records a full stack trace for every token it creates (references, lists, lazy
 * values: tens of thousands here, ~0.15 s of a synth) only to quote it in resolution error
 * messages; its `stackTraces: false` covers construct metadata, not these. This
 * makes the capture a no-op through the module's own export, which cdktf's callers read at
 * every call, without touching node_modules. The JSON is unchanged (the equivalence test
 * checks every config); a resolution error just names no creation stack.
 */
function skipTokenStackTraces(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const traces = require("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace: () => string[] };
  traces.captureStackTrace = () => [];
}

/**
 * cdktf resolves every element of every stack once more before synthesizing, only so that a
 * token of one stack used in another registers a cross-stack reference (remote state and an
 * output). The platform's stacks never reference each other (bootstrap and app meet by name),
 * so that pass finds nothing; skipping it saves a third of cdktf's work. Should a stack ever
 * reference another, the output would differ from the unoptimized synth's, which the
 * equivalence test compares on every config.
 */
function skipCrossStackPreparation(): void {
  TerraformStack.prototype.prepareStack = function prepareStack(this: TerraformStack) {
    this.ensureBackendExists();
  };
}

/**
 * A stack's `toTerraform` resolves each element's fragment, merges the fragments with the
 * stack's own overrides, and then resolves the whole merged document once more. The fragments
 * are resolved already, so that last pass (~7% of a synth) changes nothing unless an override
 * of the stack itself holds a token; then it runs as before. Recognized by its argument: the
 * merged document is the only one with a top-level "//" (metadata and outputs).
 */
function skipFinalResolve(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tokens = require("cdktf/lib/_tokens") as { resolve: (scope: unknown, obj: unknown, preparing?: boolean) => unknown };
  const resolveTokens = tokens.resolve;
  const { toTerraform } = TerraformStack.prototype;
  TerraformStack.prototype.toTerraform = function toTerraformResolvingOnce(this: TerraformStack) {
    // rawOverrides is private to cdktf: what `stack.addOverride` collected.
    if (holdsTokens((this as unknown as { rawOverrides: unknown }).rawOverrides)) return toTerraform.call(this);
    tokens.resolve = (scope, obj, preparing) => (isMergedDocument(obj) ? obj : resolveTokens(scope, obj, preparing));
    try {
      return toTerraform.call(this);
    } finally {
      tokens.resolve = resolveTokens;
    }
  };
}

const isMergedDocument = (obj: unknown): boolean => typeof obj === "object" && obj !== null && !Array.isArray(obj) && "//" in obj;

/**
 * Whether a stack override may hold a token: any unresolved value (string, number, list or map
 * token, or a resolvable), in a key or a value of plain objects and arrays. Anything else (a
 * construct, a class instance) counts as a token: then the final resolve runs, as without the patch.
 */
function holdsTokens(value: unknown): boolean {
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(holdsTokens);
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return true;
  return Object.entries(value).some(([key, v]) => Token.isUnresolved(key) || holdsTokens(v));
}

/** Applies the patches, unless SYNTH_UNOPTIMIZED=1 (the equivalence test's baseline). Call once per process. */
export function applyCdktfSpeedups(): void {
  if (process.env.SYNTH_UNOPTIMIZED === "1") return;
  skipTokenStackTraces();
  skipCrossStackPreparation();
  skipFinalResolve();
}
