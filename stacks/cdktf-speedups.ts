/**
 * Four patches of cdktf's runtime that make a synth ~60% faster without changing its output.
 * `npm run synth` applies them, and so does the test suite (__tests__/setup.mjs), so that
 * tests synthesize as fast as the CLI; __tests__/synth-equivalence.test.ts compares the
 * CLI's output with and without them on every config. SYNTH_UNOPTIMIZED=1 skips them.
 * Each replaces an export or prototype method of cdktf at run time (node_modules stays as
 * installed; one reads the private `rawOverrides`, one mirrors the private resolver): check
 * all four on a cdktf upgrade.
 */
import { DefaultTokenResolver, ref, StringConcat, TerraformStack, Token } from "cdktf";
import type { Construct } from "constructs";

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
 * equivalence test compares on every config, and the synth (synthesizeApps) fails naming the
 * reference (rejectForeignReferences); a test's in-process synth has no such check.
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

type ResolveOptions = { prefix?: string[]; previousContext?: Record<string, unknown> } & Record<string, unknown>;
type Resolve = (obj: unknown, options: ResolveOptions) => unknown;

/** cdktf's token encoding (private/encoding.js): the markers, and the number tokens' decoder. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const encoding = require("cdktf/lib/tokens/private/encoding") as {
  BEGIN_STRING_TOKEN_MARKER: string;
  BEGIN_LIST_TOKEN_MARKER: string;
  END_TOKEN_MARKER: string;
  VALID_KEY_CHARS: string;
  regexQuote: (s: string) => string;
  extractTokenDouble: (x: number, list: boolean) => number | undefined;
};
/** cdktf's list token marker: a list that holds one is resolved as a whole. */
const LIST_TOKEN_MARKER = encoding.BEGIN_LIST_TOKEN_MARKER;
/** What a string holds when it may be a token: the markers ("${", "#{", "&{") without their first character. */
const TOKEN_MARKER = LIST_TOKEN_MARKER.slice(1);
/** cdktf's NUMBER_TOKEN_REGEX (private/encoding.js, not exported), not global: a string it matches may hold a number token. */
const NUMBER_TOKEN = /[-|\d|.\+]+(e[-|\d|.|e|E|\+]+)/;

/**
 * cdktf's resolver walks every value of every element with two fresh contexts (closures and a
 * copied path) per key, and three regular expressions and four objects per string: a third of
 * a synth. Almost every value is plain (no token), and for plain values it returns a copy. This
 * resolver copies plain objects, arrays and literals itself, in the same order, and hands
 * everything else (a string or number that may hold a token, a list or map token, a resolvable,
 * a class instance, a function, a key that may hold a token, a path deeper than cdktf allows)
 * to cdktf's own resolver with the options and path cdktf would have passed there. Same
 * result, same errors (the equivalence test compares both on every kind of value).
 *
 * One kind of token it resolves itself, the commonest by far: a string whose tokens are all
 * plain references to a resource's attribute in the same stack (`${aws_kms_key.Key_1A2B.arn}`).
 * cdktf resolves each such reference to its identifier in braces and concatenates; this does
 * the same, but only while nothing else could take part (see `referencesOnly`).
 */
function resolvePlainValuesDirectly(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const resolver = require("cdktf/lib/tokens/private/resolve") as { resolve: Resolve };
  const { extractTokenDouble } = encoding;
  const cdktfResolve = resolver.resolve;
  const referencesOnly = plainReferenceResolver();
  const { NUMBER_MAP_TOKEN_VALUE } = Token;
  const isNumberToken = (n: number, list: boolean) => n === NUMBER_MAP_TOKEN_VALUE || extractTokenDouble(n, list) !== undefined;
  const isPlain = (x: object) => {
    const prototype = Object.getPrototypeOf(x);
    const { resolve, _children, _metadata } = x as Record<string, unknown>;
    // cdktf rejects what looks like a construct to it (both fields set): it decides those.
    const constructLike = _children !== undefined && _metadata !== undefined;
    return (prototype === Object.prototype || prototype === null) && typeof resolve !== "function" && !constructLike;
  };

  resolver.resolve = function resolve(obj: unknown, options: ResolveOptions): unknown {
    // Array indexes stay numbers until a path is handed to cdktf (as strings, as cdktf makes them).
    const path: (string | number)[] = [...(options.prefix ?? [])];
    // Below the top, cdktf hands each value a fresh context; of it, cdktf's resolver reads these four settings.
    const previous = options.previousContext;
    const inherited = {
      suppressBraces: previous?.suppressBraces,
      ignoreEscapes: previous?.ignoreEscapes,
      warnEscapes: previous?.warnEscapes,
      iteratorContext: previous?.iteratorContext,
    };
    const byCdktf = (x: unknown, atTop: boolean) =>
      atTop ? cdktfResolve(x, options) : cdktfResolve(x, { ...options, prefix: path.map(String), previousContext: inherited });

    const walk = (x: unknown, atTop: boolean): unknown => {
      if (path.length > 200) return byCdktf(x, atTop);
      if (x === undefined || x === null) return x;
      switch (typeof x) {
        case "string":
          return mayHoldToken(x) ? (referencesOnly(x, options, inherited) ?? byCdktf(x, atTop)) : x;
        case "number":
          return isNumberToken(x, false) ? byCdktf(x, atTop) : x;
        case "object":
          break;
        case "function":
          return byCdktf(x, atTop);
        default:
          return x;
      }
      if (x instanceof Date) return x;
      if (Array.isArray(x)) {
        const listToken = (e: unknown) =>
          typeof e === "string" ? e.includes(LIST_TOKEN_MARKER) : typeof e === "number" && isNumberToken(e, true);
        if (x.some(listToken)) return byCdktf(x, atTop);
        const copy: unknown[] = [];
        for (let i = 0; i < x.length; i++) {
          path.push(i);
          const value = walk(x[i], false);
          path.pop();
          if (value !== undefined) copy.push(value);
        }
        return copy;
      }
      const keys = Object.keys(x);
      if (!isPlain(x) || keys.some(mayHoldToken)) return byCdktf(x, atTop);
      const copy: Record<string, unknown> = {};
      for (const key of keys) {
        path.push(key);
        const value = walk((x as Record<string, unknown>)[key], false);
        path.pop();
        if (value !== undefined) copy[key] = value;
      }
      return copy;
    };
    return walk(obj, true);
  };
}

// Read once: in the bundle, each `Token.X` goes through two getters (esbuild's and cdktf's re-export).
const { STRING_MAP_TOKEN_VALUE, ANY_MAP_TOKEN_VALUE } = Token;

/** Whether cdktf's resolver may read a string as something else than itself (a token of any kind, or a map token's value). */
const mayHoldToken = (s: string): boolean =>
  s.includes(TOKEN_MARKER) || s === STRING_MAP_TOKEN_VALUE || s === ANY_MAP_TOKEN_VALUE || NUMBER_TOKEN.test(s);

/** cdktf's STRING_TOKEN_REGEX (private/encoding.js, not exported), made as cdktf makes it. */
const STRING_TOKEN = new RegExp(
  `${encoding.regexQuote(encoding.BEGIN_STRING_TOKEN_MARKER)}([${encoding.VALID_KEY_CHARS}]+)` +
    encoding.regexQuote(encoding.END_TOKEN_MARKER),
  "g",
);

/**
 * The string as cdktf's default resolver resolves it, when each token in it is a plain
 * reference (cdktf's private Reference class, which `ref()` makes) that resolves to
 * `${identifier}`: not while preparing (cross-stack references), not where braces are
 * suppressed, not with cross-stack identifiers recorded, and only with the default resolver
 * and concatenation. Undefined whenever anything else could take part: another kind of
 * token, an unknown token key, "${" or "}" in the text between tokens (cdktf reads escapes
 * there), an identifier that may hold a token, or a result cdktf would scan for number tokens.
 */
function plainReferenceResolver() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TokenMap } = require("cdktf/lib/tokens/private/token-map") as { TokenMap: { instance(): { lookupToken(key: string): unknown } } };
  const tokens = TokenMap.instance();
  const referencePrototype: unknown = Object.getPrototypeOf(ref("speedups.probe"));
  const escapesIn = (text: string) => text.includes("${") || text.includes("}");
  const lookup = (key: string): { identifier?: unknown; crossStackIdentifier?: object } | undefined => {
    try {
      return tokens.lookupToken(key) as { identifier?: unknown; crossStackIdentifier?: object };
    } catch {
      return undefined;
    }
  };
  const [resolverPrototype, concatPrototype] = [DefaultTokenResolver.prototype, StringConcat.prototype];
  const isDefaultResolver = (r: unknown) =>
    Object.getPrototypeOf(r) === resolverPrototype && Object.getPrototypeOf((r as { concat?: unknown }).concat) === concatPrototype;

  // A reference resolves in its scope's stack: cdktf fails one resolved outside any stack, and decides it.
  const inStack = new WeakMap<object, boolean>();
  const isInStack = (scope: unknown) => {
    if (typeof scope !== "object" || scope === null) return false;
    let known = inStack.get(scope);
    if (known === undefined) {
      try {
        TerraformStack.of(scope as Construct);
        known = true;
      } catch {
        known = false;
      }
      inStack.set(scope, known);
    }
    return known;
  };

  return (s: string, options: ResolveOptions, inherited: { suppressBraces?: unknown }): string | undefined => {
    if (options.preparing || inherited.suppressBraces || !isDefaultResolver(options.resolver) || !isInStack(options.scope))
      return undefined;
    let resolved = "";
    let last = 0;
    for (const match of s.matchAll(STRING_TOKEN)) {
      const text = s.slice(last, match.index);
      const token = lookup(match[1]);
      if (escapesIn(text) || token === undefined || Object.getPrototypeOf(token) !== referencePrototype) return undefined;
      const { identifier, crossStackIdentifier = {} } = token;
      if (typeof identifier !== "string" || mayHoldToken(identifier) || Object.keys(crossStackIdentifier).length > 0) return undefined;
      resolved += `${text}\${${identifier}}`;
      last = match.index + match[0].length;
    }
    const rest = s.slice(last);
    if (escapesIn(rest)) return undefined;
    resolved += rest;
    return mayHoldToken(resolved) ? undefined : resolved;
  };
}

/**
 * Applies the patches, unless SYNTH_UNOPTIMIZED=1 (the equivalence test's baseline). Call once
 * per process. Returns whether it did: the synth's other speed-ups follow the same switch.
 */
export function applyCdktfSpeedups(): boolean {
  if (process.env.SYNTH_UNOPTIMIZED === "1") return false;
  skipTokenStackTraces();
  skipCrossStackPreparation();
  skipFinalResolve();
  resolvePlainValuesDirectly();
  return true;
}
