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
    nodes = nodes
      .flatMap((n) => (Array.isArray(n) ? n : [n]))
      .flatMap((n) => (typeof n === "object" && n !== null && seg in (n as object) ? [(n as Record<string, unknown>)[seg]] : []));
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
export function attributeRule(
  meta: Meta,
  path: string,
  ok: (v: unknown, r: TfResource) => boolean,
  expected: string,
  literalRequired = true,
): Rule {
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
      // A trailing comma (`"s3:Get*",]`) is read past, as Checkov's HCL parser does.
      try {
        doc = JSON.parse(policy.replace(/,(\s*[}\]])/g, "$1"));
      } catch {
        return undefined;
      }
    }
  }
  // A document given as a list of one object (Checkov's parsed form of a literal policy).
  if (Array.isArray(doc) && doc.length === 1) doc = doc[0];
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return undefined;
  const s = (doc as { Statement?: unknown }).Statement;
  if (s === undefined) return [];
  return (Array.isArray(s) ? s : [s]) as Statement[];
}

export const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Principal `*`, `["x", "*"]` or `{ AWS: "*" }` / `{ AWS: [..., "*"] }`. */
export function isWildcardPrincipal(p: unknown): boolean {
  if (p === "*") return true;
  if (Array.isArray(p)) return p.includes("*");
  if (typeof p === "object" && p !== null) {
    const aws = (p as Record<string, unknown>).AWS;
    return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
  }
  return false;
}

const DOCUMENT_REF = /^\$\{data\.aws_iam_policy_document\.([A-Za-z_][A-Za-z0-9_-]*)\.(json|minified_json)\}$/;

/**
 * The statements of a `data.aws_iam_policy_document`, rendered as Terraform (and Checkov)
 * render them: `statement` blocks with sid, effect (default Allow), actions/not_actions,
 * resources/not_resources, principals/not_principals { type, identifiers } and
 * condition { test, variable, values }. Undefined when the document merges other documents
 * (source_policy_documents, override_policy_documents, source_json, override_json), whose
 * result the rules cannot know.
 */
export function renderPolicyDocument(doc: TfResource): Statement[] | undefined {
  const c = doc.config;
  if (["source_policy_documents", "override_policy_documents", "source_json", "override_json"].some((k) => isSet(c[k]))) return undefined;
  const principals = (v: unknown) => {
    const out: Record<string, string | string[]> = {};
    for (const p of blocks(v)) {
      const type = String(p.type);
      const ids = (Array.isArray(p.identifiers) ? p.identifiers : [p.identifiers]) as string[];
      if (type === "*" && ids.every((i) => i === "*")) return "*";
      const prev = out[type];
      out[type] = prev === undefined ? (ids.length === 1 ? ids[0] : ids) : [...list(prev), ...ids];
    }
    return out;
  };
  return blocks(c.statement).map((b) => {
    const st: Statement = { Effect: typeof b.effect === "string" ? b.effect : "Allow" };
    if (isSet(b.sid)) st.Sid = String(b.sid);
    if (isSet(b.actions)) st.Action = b.actions as string[];
    if (isSet(b.not_actions)) st.NotAction = b.not_actions as string[];
    if (isSet(b.resources)) st.Resource = b.resources as string[];
    if (isSet(b.not_resources)) (st as Record<string, unknown>).NotResource = b.not_resources;
    if (blocks(b.principals).length > 0) st.Principal = principals(b.principals);
    if (blocks(b.not_principals).length > 0) st.NotPrincipal = principals(b.not_principals);
    const conditions = blocks(b.condition);
    if (conditions.length > 0) {
      const cond: Record<string, Record<string, unknown>> = {};
      for (const k of conditions) (cond[String(k.test)] ??= {})[String(k.variable)] = k.values;
      st.Condition = cond;
    }
    return st;
  });
}

/**
 * Statements of a policy attribute: a JSON string or object, or a reference to a
 * `data.aws_iam_policy_document`'s json in the same configuration (rendered from its blocks).
 * Undefined when it cannot be read.
 */
export function policyStatements(policy: unknown, g?: TfGraph): Statement[] | undefined {
  if (g && typeof policy === "string") {
    const m = DOCUMENT_REF.exec(policy.trim());
    if (m) {
      const doc = g.get(`data.aws_iam_policy_document.${m[1]}`);
      return doc ? renderPolicyDocument(doc) : undefined;
    }
  }
  return statementsOf(policy);
}

/**
 * A rule over the policy document in `attribute`: unknown when it is not readable JSON, or
 * (`literalNotJson: "pass"`) passed when it is a literal that no JSON reader can parse (IAM
 * rejects it at apply; Checkov passes a policy its parser left a string).
 */
export function policyRule(
  meta: Meta,
  attribute: string | readonly string[],
  problem: (statements: Statement[]) => string | undefined,
  options: { literalNotJson?: "pass" | "unknown" } = {},
): Rule {
  const names = typeof attribute === "string" ? [attribute] : attribute;
  return {
    ...meta,
    check: (r, g) => {
      if (r.type === "data.aws_iam_policy_document") {
        const rendered = renderPolicyDocument(r);
        if (!rendered) return unknown("the document merges other documents");
        const p = problem(rendered);
        return p ? fail(p) : pass;
      }
      const attr = names.find((n) => n in r.config) ?? names[0];
      const value = r.config[attr];
      if (value === undefined || value === "") return pass;
      const statements = policyStatements(value, g);
      if (!statements && options.literalNotJson === "pass" && !isExpression(value)) return pass;
      if (!statements) return unknown(`${attr} is not a readable JSON policy (nor a data.aws_iam_policy_document in this configuration)`);
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

const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const conditionBlock = (s: Statement): Record<string, Record<string, unknown>> =>
  (s.Condition && typeof s.Condition === "object" ? s.Condition : {}) as Record<string, Record<string, unknown>>;

/** Condition keys Checkov's check_conditions (S3AllowsAnyPrincipal.py) accepts under String(Equals|Like). */
const CHECKOV_RESTRICTING_KEYS = [
  "aws:sourceVpce",
  "aws:SourceVpc",
  "aws:VpceAccount",
  "aws:PrincipalOrgPaths",
  "aws:userid",
  "aws:PrincipalArn",
  "aws:PrincipalAccount",
  "aws:PrincipalOrgID",
  "aws:Ec2InstanceSourceVpc",
  "ec2:SourceInstanceArn",
  "lambda:SourceFunctionArn",
  "ssm:SourceInstanceArn",
];

/**
 * Checkov's `check_conditions` (CKV_AWS_70): a wildcard-principal Allow is restricted only by
 * ArnNotEquals/ArnNotLike, an ArnEquals/ArnLike not on every account, or a
 * StringEquals/StringEqualsIgnoreCase/StringLike on one of the listed keys (exact spelling).
 */
export function checkovRestrictingCondition(s: Statement): boolean {
  const c = conditionBlock(s);
  if (!s.Condition) return false;
  if ("ArnNotEquals" in c || "ArnNotLike" in c) return true;
  for (const op of ["ArnEquals", "ArnLike"]) {
    if (!(op in c)) continue;
    for (const key of ["aws:PrincipalArn", "aws:SourceArn"]) {
      const v = c[op]?.[key];
      if (typeof v === "string" && /^arn:aws:[a-z0-9-]+::\*.*$/.test(v)) return false;
    }
    return true;
  }
  return ["StringEquals", "StringEqualsIgnoreCase", "StringLike"].some((op) =>
    CHECKOV_RESTRICTING_KEYS.some((k) => typeof c[op] === "object" && c[op] !== null && k in c[op]),
  );
}

/** cloudsplaining's CONDITION_KEY_CATEGORIES: the condition keys that can narrow a principal. */
const CONDITION_KEY_CATEGORIES: Record<string, string> = {
  "aws:sourcearn": "arn",
  "aws:principalarn": "arn",
  "aws:sourceowner": "account",
  "aws:sourceaccount": "account",
  "aws:principalaccount": "account",
  "aws:principalorgid": "organization",
  "aws:principalorgpaths": "organization",
  "kms:calleraccount": "account",
  "aws:userid": "userid",
  "aws:sourceip": "cidr",
  "aws:sourcevpc": "vpc",
  "aws:sourcevpce": "vpce",
  "saml:aud": "saml-endpoint",
};
const RELEVANT_OPERATOR = /^((ForAllValues|ForAnyValue):)?(ARN(Equals|Like)|String(Equals|Like)(IgnoreCase)?|IpAddress)(IfExists)?/i;

/** The (category, value) pairs of a statement's narrowing conditions, as cloudsplaining reads them. */
export function narrowingConditions(s: Statement): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [op, ctx] of Object.entries(conditionBlock(s))) {
    if (!RELEVANT_OPERATOR.test(op) || typeof ctx !== "object" || ctx === null) continue;
    for (const [key, value] of Object.entries(ctx)) {
      const category = CONDITION_KEY_CATEGORIES[key.toLowerCase()];
      if (category) for (const v of asList(value)) out.push([category, v]);
    }
  }
  return out;
}

/** cloudsplaining's `_arn_internet_accessible`: `*`, or an ARN (not S3) whose account is `*`. */
function arnOpenToAll(arn: unknown): boolean {
  if (typeof arn !== "string") return false;
  if (arn === "*") return true;
  if (!arn.startsWith("arn:")) return false;
  const parts = arn.split(":");
  if (parts.length < 6) return arn.includes("*");
  if (parts[2] === "s3") return false;
  if (!parts[4] && !parts[2]) return true;
  return parts[4] === "*";
}

/**
 * cloudsplaining's ResourceStatement.internet_accessible_actions, which Checkov's
 * CKV_AWS_32/168/169 use: an Allow is open to everyone when a narrowing condition is itself
 * open (ARN account `*`, a /0 CIDR, `o-*`, a userid with an inner `*`, or `*` in any other
 * value); narrowing conditions that are not open close it; otherwise a principal that is `*`
 * (or an ARN in account `*`) opens it.
 */
export function isInternetAccessible(s: Statement): boolean {
  if (s.Effect === "Deny" || asList(s.Action).length === 0) return false;
  const conditions = narrowingConditions(s);
  const open = ([category, v]: [string, unknown]) => {
    const value = typeof v === "string" ? v : JSON.stringify(v);
    if (category === "arn") return arnOpenToAll(v);
    if (category === "cidr") return value.endsWith("/0");
    if (category === "organization") return value.includes("o-*");
    if (category === "userid") return value.indexOf("*") !== value.length - 1;
    return value.includes("*");
  };
  if (conditions.some(open)) return true;
  if (conditions.length > 0) return false;
  const p = s.Principal;
  const principals =
    p && typeof p === "object" && !Array.isArray(p)
      ? ["AWS", "Federated", "Service"].flatMap((k) => asList((p as Record<string, unknown>)[k]))
      : asList(p);
  return principals.some(arnOpenToAll);
}
