/** Small readers shared by the rules: blocks, attribute paths, references, policies. */
import type { TfGraph, TfResource } from "../graph";
import { fail, pass, unknown, type Rule, type Verdict } from "../types";

/** A Terraform block as a list: cdktf writes some blocks as objects, some as lists. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((v) => typeof v === "object" && v !== null) as Record<string, unknown>[];
  return typeof value === "object" ? [value as Record<string, unknown>] : [];
}

/** `get(config, "rule.apply_server_side_encryption_by_default.sse_algorithm")`, taking the first block at each step. */
export function get(config: unknown, path: string): unknown {
  let node: unknown = config;
  for (const seg of path.split(".")) {
    if (Array.isArray(node)) node = node[0];
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** Every value at a path, across all blocks of every list on the way. */
export function all(config: unknown, path: string): unknown[] {
  let nodes: unknown[] = [config];
  for (const seg of path.split(".")) {
    nodes = nodes.flatMap((n) => (Array.isArray(n) ? n : [n])).flatMap((n) =>
      typeof n === "object" && n !== null && seg in (n as object) ? [(n as Record<string, unknown>)[seg]] : [],
    );
  }
  return nodes.flatMap((n) => (Array.isArray(n) && n.every((x) => typeof x === "object") ? n : [n]));
}

/** A `${...}` expression: the value is only known at plan time. */
export const isExpression = (v: unknown): v is string => typeof v === "string" && v.includes("${");
export const isTrue = (v: unknown) => v === true || v === "true";
export const isFalse = (v: unknown) => v === false || v === "false";
export const isSet = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
export const show = (v: unknown) => (v === undefined ? "not set" : JSON.stringify(v));

type Meta = Omit<Rule, "check">;

/**
 * A rule on one attribute: `ok(value)` decides. Where the rule needs a literal (true, a
 * number, a name from a list), a `${...}` expression is unknown; where any value will do
 * (`literalRequired: false`), a reference is a value.
 */
export function attributeRule(meta: Meta, path: string, ok: (v: unknown, r: TfResource) => boolean, expected: string, literalRequired = true): Rule {
  return {
    ...meta,
    check: (r) => {
      const v = get(r.config, path);
      if (literalRequired && isExpression(v) && /^\$\{[^}]*\}$/.test(v)) return unknown(`${path} is ${v}`);
      return ok(v, r) ? pass : fail(`${path} is ${show(v)}; expected ${expected}`);
    },
  };
}

/** Attribute must be true (Checkov's BaseResourceValueCheck: missing fails). */
export const mustBeTrue = (meta: Meta, path: string) => attributeRule(meta, path, isTrue, "true");
/** Attribute must not be true (Checkov's negative checks: missing passes). */
export const mustNotBeTrue = (meta: Meta, path: string) => attributeRule(meta, path, (v) => !isTrue(v), "false or unset");
/** Attribute must be set to something; a reference counts (Checkov's ANY_VALUE). */
export const mustBeSet = (meta: Meta, path: string) => attributeRule(meta, path, isSet, "a value", false);

/** A rule that passes when a companion resource connected to the subject (Checkov's graph connection) exists and satisfies `ok`. */
export function companionRule(
  meta: Meta,
  companionTypes: string[],
  ok: (companion: TfResource) => boolean,
  missing: string,
  inline?: (subject: TfResource) => boolean,
): Rule {
  return {
    ...meta,
    check: (r: TfResource, g: TfGraph): Verdict => {
      if (inline?.(r)) return pass;
      const companions = g.connected(r, ...companionTypes);
      if (companions.length === 0) return fail(missing);
      return companions.some(ok) ? pass : fail(`${companions.map((c) => c.address).join(", ")}: ${missing}`);
    },
  };
}

export interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, unknown>;
}

/** Statements of a policy given as a JSON string or object; undefined when it cannot be read. */
export function statementsOf(policy: unknown): Statement[] | undefined {
  let doc: unknown = policy;
  if (typeof policy === "string") {
    if (policy.trim().startsWith("${")) return undefined;
    try {
      doc = JSON.parse(policy);
    } catch {
      return undefined;
    }
  }
  if (typeof doc !== "object" || doc === null) return undefined;
  const s = (doc as { Statement?: unknown }).Statement;
  if (s === undefined) return [];
  return (Array.isArray(s) ? s : [s]) as Statement[];
}

export const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Principal `*` or `{ AWS: "*" }`. */
export function isWildcardPrincipal(p: unknown): boolean {
  if (p === "*") return true;
  if (typeof p === "object" && p !== null) {
    const aws = (p as Record<string, unknown>).AWS;
    return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
  }
  return false;
}

/** A rule over the policy document in `attribute`: unknown when it is not readable JSON. */
export function policyRule(meta: Meta, attribute: string, problem: (statements: Statement[]) => string | undefined): Rule {
  return {
    ...meta,
    check: (r) => {
      const value = r.config[attribute];
      if (value === undefined) return pass;
      const statements = statementsOf(value);
      if (!statements) return unknown(`${attribute} is not a readable JSON policy`);
      const p = problem(statements);
      return p ? fail(p) : pass;
    },
  };
}

/** Words that make an environment variable name look like a secret (Trivy AWS-0036). */
const SECRET_NAME_WORDS = ["password", "secret", "private_key", "aws_access_key_id", "aws_secret_access_key", "token", "api_key"];

/** An environment variable name that looks like it holds a secret; `token_type*` and `version*` are allowed, as in Trivy. */
export function looksLikeSecretName(name: string): boolean {
  const l = name.toLowerCase();
  return !l.startsWith("token_type") && !l.startsWith("version") && SECRET_NAME_WORDS.some((w) => l.includes(w));
}
