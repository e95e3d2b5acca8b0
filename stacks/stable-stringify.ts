/**
 * json-stable-stringify 1.x, as cdktf calls it (`stringify(value, { space: 2 })` for each
 * stack's cdk.tf.json and the manifest), without its general machinery: the bundle that
 * `npm run synth` runs takes this module in its place (scripts/run-bundled.js), which
 * writes the 4 MB of Terraform JSON of every config about three times as fast. The output
 * is the package's to the byte (__tests__/synth-equivalence.test.ts compares both on edge
 * cases, and the synth's whole output against the unbundled package's): keys sorted by
 * code unit, `toJSON` honoured, undefined members left out and undefined items written as
 * null, an empty object or array written open over two lines as the package writes it.
 * Other options (a comparator, a replacer, cycles, collapseEmpty) are not supported here:
 * cdktf passes none, and this throws rather than ignore one.
 */

interface Options {
  readonly space?: number | string;
}

/** The value as json-stable-stringify writes it with `options`; undefined where JSON has no text for it. */
function stableStringify(value: unknown, options?: Options): string | undefined {
  if (typeof options === "function") throw new TypeError("stable-stringify: a comparator is not supported");
  const unsupported = Object.keys(options ?? {}).filter((k) => k !== "space");
  if (unsupported.length > 0) throw new TypeError(`stable-stringify: unsupported option(s) ${unsupported.join(", ")}`);
  // As the package: a falsy space is none, a number n is ceil(n) spaces (none below 1).
  const given = options?.space || "";
  const space = typeof given === "number" ? " ".repeat(Math.max(0, Math.ceil(given))) : given;
  const separator = space ? ": " : ":";
  const indents: string[] = [];
  const indentAt = (level: number) => (indents[level] ??= space ? `\n${space.repeat(level)}` : "");
  const open = new Set<object>();
  // Keys repeat across resources (`bucket`, `tags`, `//`): each is quoted once.
  const quotedKeys = new Map<string, string>();
  const quoted = (key: string) => {
    let q = quotedKeys.get(key);
    if (q === undefined) quotedKeys.set(key, (q = JSON.stringify(key) + separator));
    return q;
  };

  const write = (node: unknown, level: number): string | undefined => {
    if (node && typeof (node as { toJSON?: unknown }).toJSON === "function") node = (node as { toJSON: () => unknown }).toJSON();
    if (node === undefined) return undefined;
    if (typeof node !== "object" || node === null) return JSON.stringify(node);
    const indent = indentAt(level);
    const inner = indent + space;
    let out = "";
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) out += `${i === 0 ? "" : ","}${inner}${write(node[i], level + 1) || "null"}`;
      return `[${out}${indent}]`;
    }
    if (open.has(node)) throw new TypeError("Converting circular structure to JSON");
    open.add(node);
    let first = true;
    for (const key of Object.keys(node).sort()) {
      const text = write((node as Record<string, unknown>)[key], level + 1);
      if (!text) continue;
      out += `${first ? "" : ","}${inner}${quoted(key)}${text}`;
      first = false;
    }
    open.delete(node);
    return `{${out}${indent}}`;
  };
  return write(value, 0);
}

// The package's shape: cdktf does `const stringify = require("json-stable-stringify")`.
export = stableStringify;
