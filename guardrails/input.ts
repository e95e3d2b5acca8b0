/**
 * Reading Terraform JSON that this project did not write (the CLI's input): a file that
 * is not Terraform JSON is refused with one line saying what is wrong, before any rule
 * runs, instead of a stack trace, a hang or a report about nothing. The synth path does
 * not come here: it checks the JSON cdktf just wrote.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { TfJsonDocument } from "./graph";
import { compileWasmQuickly } from "./wasm";

/**
 * Largest file read, in bytes (16 MiB). This project's stacks are about 100 KB; a
 * Terraform configuration a hundred times larger still fits, a runaway generator does not.
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * Deepest nesting of objects and arrays (the top-level object is 1). Synthesized stacks
 * nest 9 levels, hcl2json adds 2 per nested block; past this the rules' recursive walks
 * and the reports' JSON.stringify would run out of stack.
 */
export const MAX_INPUT_DEPTH = 64;

/** A file the CLI refuses; `message` says what is wrong, without the file name. */
export class InputError extends Error {
  /** The file at fault, where the input is several files (an HCL module). */
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/** Read, parse and check the shape of one Terraform JSON file, or throw an InputError; the document and the text it was read from. */
export function readTfJson(file: string): { doc: TfJsonDocument; text: string } {
  const size = fileSize(file);
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(`is ${mib(size)} (${size} bytes), over the ${mib(MAX_INPUT_BYTES)} limit`);
  }
  const text = readOrThrow(file);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(`is not valid JSON (${oneLine((e as Error).message)}${lineAndColumn(text, e)})`);
  }
  if (depthOver(doc, MAX_INPUT_DEPTH)) {
    throw new InputError(`nests objects/arrays more than ${MAX_INPUT_DEPTH} levels deep`);
  }
  const problem = shapeProblem(doc);
  if (problem) throw new InputError(problem);
  return { doc: doc as TfJsonDocument, text };
}

/**
 * Read the `.tf` files of one module (a folder, or one file), convert them with hcl2json
 * and merge them into one Terraform JSON document, as Terraform reads a folder: a rule on
 * a bucket sees its versioning resource in another file. The same limits as for JSON hold:
 * per file the size, before parsing the nesting of brackets and braces (a parser recurses
 * on it), after conversion the depth and shape. `jsonencode(...)` of a literal is evaluated
 * (evalJsonencode) and data sources are kept (a policy document is read from its blocks);
 * other expressions stay `${...}` strings, which rules that need a literal report as unknown.
 */
export async function readTerraformHcl(
  files: readonly string[],
): Promise<{ doc: TfJsonDocument; suppressions: InlineSuppression[]; texts: string[] }> {
  const texts = files.map((file) => {
    const size = fileSize(file, file);
    if (size > MAX_INPUT_BYTES) {
      throw new InputError(`is ${mib(size)} (${size} bytes), over the ${mib(MAX_INPUT_BYTES)} limit`, file);
    }
    const text = readOrThrow(file, file);
    if (hclNestingOver(text, MAX_INPUT_DEPTH)) {
      throw new InputError(`nests blocks/brackets more than ${MAX_INPUT_DEPTH} levels deep`, file);
    }
    return text;
  });
  let parse: HclParse;
  try {
    compileWasmQuickly();
    ({ parse } = await import("@cdktf/hcl2json"));
  } catch {
    throw new InputError("needs @cdktf/hcl2json to read HCL (npm ci installs it), or give Terraform JSON", files[0]);
  }
  const merged: Record<string, unknown> & {
    resource: Record<string, Record<string, unknown>>;
    data: Record<string, Record<string, unknown>>;
    provider: Record<string, unknown[]>;
  } = { resource: {}, data: {}, provider: {} };
  const declaredIn = new Map<string, string>();
  const suppressions: InlineSuppression[] = [];
  for (const [i, file] of files.entries()) {
    let doc: Record<string, unknown>;
    try {
      doc = await parse(file, texts[i]);
    } catch (e) {
      // hcl2json: `parse config: [<file>:2,7-3,1: Invalid expression; ...]`
      const why = String((e as Error)?.message ?? e)
        .replace(/^parse config: \[?|\]$/g, "")
        .replace(/^[^\n]*?:(\d+),(\d+)(-[\d,]+)?: /, "line $1 column $2: ");
      throw new InputError(`is not valid HCL (${oneLine(why)})`, file);
    }
    if (depthOver(doc, MAX_INPUT_DEPTH)) throw new InputError(`nests objects/arrays more than ${MAX_INPUT_DEPTH} levels deep`, file);
    const problem = shapeProblem(doc);
    if (problem) throw new InputError(problem, file);
    // Policies written as jsonencode({...}) become the JSON strings Terraform would send.
    const resources = (await evalJsonencode(doc.resource ?? {}, parse)) as Record<string, Record<string, unknown>>;
    const data = (await evalJsonencode(doc.data ?? {}, parse)) as Record<string, Record<string, unknown>>;
    const declare = (address: string) => {
      const first = declaredIn.get(address);
      if (first) throw new InputError(`declares ${address}, already declared in ${first}`, file);
      declaredIn.set(address, file);
    };
    for (const [type, byName] of Object.entries(data)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) {
        declare(`data.${type}.${name}`);
        (merged.data[type] ??= {})[name] = body;
      }
    }
    for (const [type, byName] of Object.entries(resources)) {
      for (const [name, body] of Object.entries(byName)) {
        const address = `${type}.${name}`;
        declare(address);
        // Hand-written resources have no construct path: their address stands in for it,
        // so that the scanners' inline comments suppress on this resource alone.
        const bodies = (Array.isArray(body) ? body : [body]) as Record<string, unknown>[];
        (merged.resource[type] ??= {})[name] = bodies.map((b) => ({ ...b, "//": { metadata: { path: address } } }));
      }
    }
    suppressions.push(...inlineSuppressions(texts[i], basename(file)));
    for (const [name, blocks] of Object.entries((doc.provider ?? {}) as Record<string, unknown>)) {
      (merged.provider[name] ??= []).push(...(Array.isArray(blocks) ? blocks : [blocks]));
    }
  }
  return { doc: merged as TfJsonDocument, suppressions, texts };
}

/** A scanner's inline comment in a .tf file: `constructPath` is the resource's address. */
export interface InlineSuppression {
  readonly id: string;
  readonly reason: string;
  readonly constructPath: string;
  readonly source: string;
  readonly scanners: readonly ("checkov" | "trivy")[];
}

/**
 * The scanners' own per-resource comments, honoured as they are: `# checkov:skip=ID:reason`
 * inside a resource block, `# trivy:ignore:ID` on the comment lines just above it (Trivy
 * gives no reason; the report says so).
 */
export function inlineSuppressions(text: string, source: string): InlineSuppression[] {
  const lines = text.split("\n");
  const found: InlineSuppression[] = [];
  lines.forEach((line, i) => {
    const m = /^resource\s+"([^"]+)"\s+"([^"]+)"\s*\{/.exec(line);
    if (!m) return;
    const address = `${m[1]}.${m[2]}`;
    let end = i + 1;
    while (end < lines.length && !/^\}/.test(lines[end])) end++;
    for (const inside of lines.slice(i, end)) {
      const skip = /(?:#|\/\/)\s*checkov:skip=([A-Za-z0-9_,-]+)(?::(.*))?/.exec(inside);
      for (const id of skip?.[1].split(",").filter(Boolean) ?? []) {
        found.push({
          id,
          reason: skip![2]?.trim() || `checkov:skip in ${source}, no reason given`,
          constructPath: address,
          source,
          scanners: ["checkov"],
        });
      }
    }
    for (let above = i - 1; above >= 0 && /^\s*(#|\/\/)/.test(lines[above]); above--) {
      const ignore = /trivy:ignore:([A-Za-z0-9-]+)/.exec(lines[above]);
      if (ignore)
        found.push({
          id: ignore[1],
          reason: `trivy:ignore in ${source}, no reason given`,
          constructPath: address,
          source,
          scanners: ["trivy"],
        });
    }
  });
  return found;
}

/**
 * Whether brackets, braces and parentheses outside strings and comments nest deeper than
 * `max`. A cheap over-estimate is fine: legitimate Terraform nests a handful of levels.
 */
function hclNestingOver(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "{" || c === "[" || c === "(") {
      if (++depth > max) return true;
    } else if (c === "}" || c === "]" || c === ")") {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

function fileSize(file: string, at?: string): number {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new InputError(ioMessage(e), at);
  }
  // A FIFO or a device (/dev/zero) could block or never end.
  if (!stat.isFile()) throw new InputError("is not a regular file", at);
  return stat.size;
}

function readOrThrow(file: string, at?: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(ioMessage(e), at);
  }
}

/** `no such file or directory`, `permission denied`, ... from a Node fs error. */
export function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ENOENT: "no such file or directory",
    EACCES: "permission denied",
    EISDIR: "is a directory",
    ENOTDIR: "a parent is not a directory",
    ELOOP: "too many symbolic links",
  };
  return (err.code && known[err.code]) ?? oneLine(err.message ?? String(e));
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MiB`;

/** V8 quotes the offending text in parse errors, newlines included: keep one short line. */
const oneLine = (s: string) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
};

/** `, line 3 column 7` where V8 gives only a character position. */
function lineAndColumn(text: string, e: unknown): string {
  const m = /at position (\d+)/.exec((e as Error).message);
  if (!m || /\(line \d+/.test((e as Error).message)) return "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  return `, line ${line} column ${before.length - before.lastIndexOf("\n")}`;
}

/** Whether `value` nests deeper than `max`; iterative, so depth cannot overflow the stack. */
function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`);

/**
 * What the engine reads must have Terraform's shape: `resource.<type>.<name>` a body (or,
 * as hcl2json writes it, a list of bodies), `provider.<name>` a block or a list of them.
 * Other top-level keys (variable, output, terraform, ...) are not read, so not checked.
 */
function shapeProblem(doc: unknown): string | undefined {
  if (!isObject(doc)) return `top level is ${kind(doc)}, not a Terraform JSON object`;
  if (doc.resource !== undefined) {
    if (!isObject(doc.resource)) return `"resource" is ${kind(doc.resource)}, not an object of resource types`;
    for (const [type, byName] of Object.entries(doc.resource)) {
      const at = `resource.${type}`;
      if (!isObject(byName)) return `${at} is ${kind(byName)}, not an object of resources by name`;
      for (const [name, body] of Object.entries(byName)) {
        const bodies = Array.isArray(body) ? body : [body];
        if (bodies.length === 0 || !bodies.every(isObject)) {
          return `${at}.${name} is ${kind(body)}, not a resource body (an object, or a list of objects)`;
        }
      }
    }
  }
  if (doc.provider !== undefined) {
    if (!isObject(doc.provider)) return `"provider" is ${kind(doc.provider)}, not an object of providers`;
    for (const [name, blocks] of Object.entries(doc.provider)) {
      const list = Array.isArray(blocks) ? blocks : [blocks];
      if (!list.every(isObject)) return `provider.${name} is ${kind(blocks)}, not a provider block or a list of them`;
    }
  }
  return undefined;
}

/** Bare references outside strings (`local.ids`, `aws_s3_bucket.b.arn`) become "${...}" strings. */
function quoteReferences(expr: string): string {
  let out = "";
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < expr.length && expr[j] !== '"') j += expr[j] === "\\" ? 2 : 1;
      out += expr.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_*-]+|\[[^\]]*\])+/.exec(expr.slice(i));
    if (m && !/[A-Za-z0-9_]/.test(expr[i - 1] ?? "")) {
      out += `"\${${m[0].replace(/"/g, '\\"')}}"`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** @cdktf/hcl2json's `parse`, loaded by the caller (it is a dev dependency). */
export type HclParse = (name: string, text: string) => Promise<Record<string, unknown>>;

/**
 * `${jsonencode(<literal>)}` becomes the JSON string cdktf would have written (references
 * inside stay `${...}`): the converter's job, as Terraform evaluates it before any scanner,
 * so a policy written as `jsonencode({...})` is judged, not reported as unknown. A value
 * that is not a literal HCL object or list (a function call, a for expression) stays as it was.
 * Used by `npm run guardrails` on .tf input and by scripts/scanner-agreement.ts.
 */
export async function evalJsonencode(v: unknown, parse: HclParse): Promise<unknown> {
  if (typeof v === "string") {
    const m = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(v);
    if (!m) return v;
    try {
      const text = quoteReferences(m[1].trim());
      const parsed = (await parse("jsonencode.tf", `locals {\n  x = ${text}\n}\n`)) as { locals?: { x?: unknown }[] };
      const x = parsed.locals?.[0]?.x;
      return x === undefined ? v : JSON.stringify(x);
    } catch {
      return v;
    }
  }
  if (Array.isArray(v)) return Promise.all(v.map((x) => evalJsonencode(x, parse)));
  if (v && typeof v === "object") {
    const entries = await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await evalJsonencode(x, parse)] as const));
    return Object.fromEntries(entries);
  }
  return v;
}
