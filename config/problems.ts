/**
 * Config problems: what is wrong, where (a JSON path), and how they are printed.
 */

/** One thing wrong with a config, at a JSON path such as `environments.prod.accountId`. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** Thrown when a config file cannot be used; carries every problem found. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
    /** Printed after the problems: what was not checked yet (`SCHEMA_FIRST_NOTE`, `DERIVED_NAMES_NOTE`). */
    readonly note?: string,
  ) {
    super(formatProblems(file, problems, note));
    this.name = "ConfigError";
  }
}

/** `environments.prod.accountId`, `buckets[1].name`; the root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out === "" ? "(root)" : out;
}

export function formatProblems(file: string, problems: readonly Problem[], note?: string): string {
  const n = problems.length;
  const lines = problems.map((p) => `  - ${p.path}: ${p.message}`);
  return [`Config ${file} has ${n} problem${n === 1 ? "" : "s"}:`, ...lines, ...(note ? [note] : [])].join("\n");
}

/**
 * Said under the problems when the config's shape is wrong: the checks that need a
 * well-formed config (spec-checks.ts, service-checks.ts, edge-checks.ts) have not run yet.
 */
export const SCHEMA_FIRST_NOTE =
  "Shape problems (unknown keys, wrong types, missing fields) come first: the checks that need the whole config " +
  "well-formed (subnets and CIDRs, database and cache sizes and windows, services and routing, edge, DR, shared " +
  "accounts, AWS names) run once these are fixed, and may find more.";

/** Printed when the names derived from the config were not checked, because the plan they come from has problems. */
export const DERIVED_NAMES_NOTE =
  "The AWS names made from the config (buckets, state keys, lock tables) are checked once the network, data tier and " +
  "services above are fixed, and may find more.";

/** The candidate closest to `word` by edit distance, when it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Edits (insert, delete, replace, or swap two neighbours: "hlc" for "hcl" is one) from `a` to `b`. */
function editDistance(a: string, b: string): number {
  // d[i][j]: the distance between the first i characters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A value as a message shows it: `string "x"`, `number 3`, `an object`. */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  if (typeof v === "object") return "an object";
  return `${typeof v} ${JSON.stringify(v)}`;
}
