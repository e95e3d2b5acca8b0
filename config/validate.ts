/**
 * validateSpec(raw): every problem of a config at once, with its JSON path. Schema
 * problems come from zod; cross-field problems (residency, duplicates, derived AWS
 * names, state key clashes) from the checks below.
 */
import type { z } from "zod";
import { fillTemplate, s3BucketNameProblem, dynamoTableNameProblem } from "./naming";
import { suppressionProblem } from "../guardrails/suppressions";
import { didYouMean, formatPath, type Problem } from "./problems";
import { contains, overlaps, parseCidr } from "./cidr";
import { declaredEnvironments, resolve, resolveNetwork, settingsFor } from "./resolve";
import { AppSpecSchema, ENVIRONMENTS, type AppSpec } from "./schema";

export type ValidationResult = { ok: true; spec: AppSpec } | { ok: false; problems: Problem[] };

export function validateSpec(raw: unknown): ValidationResult {
  const parsed = AppSpecSchema.safeParse(raw, { reportInput: true });
  const problems: Problem[] = parsed.success ? [] : parsed.error.issues.flatMap(describeIssue);
  problems.push(...residencyProblems(raw), ...duplicateProblems(raw), ...suppressionProblems(raw), ...alarmProblems(raw));
  if (parsed.success) {
    const network = networkProblems(parsed.data);
    problems.push(...network, ...drProblems(parsed.data), ...sharedAccountProblems(parsed.data));
    if (network.length === 0) problems.push(...derivedNameProblems(parsed.data));
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems: dedupe(problems) };
  return { ok: true, spec: parsed.data };
}

// ---- zod issues -> problems -------------------------------------------------------

type Issue = z.core.$ZodIssue & { input?: unknown };

function describeIssue(issue: Issue): Problem[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(AppSpecSchema, issue.path);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, known);
        return {
          path: formatPath([...issue.path, key]),
          message: `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ""}; allowed here: ${known.join(", ")}`,
        };
      });
    }
    case "invalid_type":
      if (issue.input === undefined) return [{ path, message: `is required (${issue.expected})` }];
      return [{ path, message: `${issueText(issue, `expected ${issue.expected}`)} (got ${show(issue.input)})` }];
    case "invalid_value": {
      const options = issue.values.map(String);
      const hint = typeof issue.input === "string" ? didYouMean(issue.input, options) : undefined;
      const list = options.length > 12 ? `${options.slice(0, 12).join(", ")}, ...` : options.join(", ");
      return [{ path, message: `${show(issue.input)} is not allowed${hint ? ` (did you mean "${hint}"?)` : ""}; expected one of: ${list}` }];
    }
    case "invalid_key":
      return [{ path, message: `key ${issue.issues.map((i) => i.message).join("; ")}` }];
    default:
      return [{ path, message: issue.input === undefined || typeof issue.input === "object" ? issue.message : `${issue.message} (got ${show(issue.input)})` }];
  }
}

/** Our own message where a schema gave one (`z.string({ error })`), zod's generic one otherwise. */
function issueText(issue: Issue, fallback: string): string {
  return issue.message.startsWith("Invalid input") ? fallback : issue.message;
}

function show(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  if (typeof v === "object") return "an object";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** The keys an object schema accepts at a path, for "did you mean" hints. */
function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (!node) return [];
    const def = node._zod.def as unknown as Record<string, unknown>;
    if (def.type === "object") node = unwrap((def.shape as Record<string, z.core.$ZodType>)[String(seg)]);
    else if (def.type === "array") node = unwrap(def.element as z.core.$ZodType);
    else if (def.type === "record") node = unwrap(def.valueType as z.core.$ZodType);
    else return [];
  }
  const def = node?._zod.def as unknown as Record<string, unknown> | undefined;
  return def?.type === "object" ? Object.keys(def.shape as object) : [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let s = schema;
  while (s) {
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === "optional" || def.type === "nullable" || def.type === "default") s = def.innerType as z.core.$ZodType;
    else break;
  }
  return s;
}

// ---- cross-field checks (run on the raw input, so they report alongside schema problems) ----

const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function residencyProblems(raw: unknown): Problem[] {
  const spec = obj(raw);
  const allowed = spec?.allowedRegions;
  if (!spec || !Array.isArray(allowed)) return [];
  const problems: Problem[] = [];
  const check = (region: unknown, path: string) => {
    if (typeof region === "string" && !allowed.includes(region)) {
      problems.push({ path, message: `region "${region}" is outside allowedRegions (${allowed.join(", ")}): data residency forbids it` });
    }
  };
  check(spec.primaryRegion, "primaryRegion");
  check(spec.drRegion, "drRegion");
  check(obj(spec.state)?.region, "state.region");
  const envs = obj(spec.environments) ?? {};
  for (const env of ENVIRONMENTS) {
    const e = obj(envs[env]);
    check(e?.region, `environments.${env}.region`);
    check(obj(e?.state)?.region, `environments.${env}.state.region`);
  }
  if (obj(spec.environments) && !ENVIRONMENTS.some((e) => envs[e] !== undefined)) {
    problems.push({ path: "environments", message: `declares no environment; add at least one of ${ENVIRONMENTS.join(", ")}` });
  }
  return problems;
}

function duplicateProblems(raw: unknown): Problem[] {
  const spec = obj(raw);
  if (!spec) return [];
  const problems: Problem[] = [];
  const dupes = (list: unknown, path: string, key?: string) => {
    if (!Array.isArray(list)) return;
    const seen = new Map<unknown, number>();
    list.forEach((item, i) => {
      const value = key ? obj(item)?.[key] : item;
      if (value === undefined) return;
      const first = seen.get(value);
      if (first !== undefined) {
        problems.push({ path: `${path}[${i}]${key ? `.${key}` : ""}`, message: `duplicate ${show(value)}, already at ${path}[${first}]` });
      } else seen.set(value, i);
    });
  };
  dupes(spec.buckets, "buckets", "name");
  dupes(spec.secrets, "secrets", "name");
  dupes(spec.keys, "keys", "purpose");
  dupes(spec.logMetricAlarms, "logMetricAlarms", "name");
  dupes(spec.alarmEmails, "alarmEmails");
  dupes(spec.allowedRegions, "allowedRegions");
  dupes(spec.compliance, "compliance");
  return problems;
}

function suppressionProblems(raw: unknown): Problem[] {
  const list = obj(obj(raw)?.guardrails)?.suppressions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i) => {
    const s = obj(item);
    if (!s || typeof s.rule !== "string" || typeof s.reason !== "string") return [];
    const problem = suppressionProblem(s.rule, s.reason);
    if (!problem) return [];
    const field = problem.startsWith("unknown rule") ? "rule" : "reason";
    return [{ path: `guardrails.suppressions[${i}].${field}`, message: problem }];
  });
}

/** Where a network setting was written: the environment's overrides, the spec's, or the preset. */
function networkPath(spec: AppSpec, env: string, field: string): string {
  const e = spec.environments[env as "dev"]?.overrides?.network as Record<string, unknown> | undefined;
  if (e?.[field] !== undefined) return `environments.${env}.overrides.network.${field}`;
  if ((spec.overrides?.network as Record<string, unknown> | undefined)?.[field] !== undefined) return `overrides.network.${field}`;
  return `environments.${env}.overrides.network.${field}`;
}

/** VPC and subnet CIDRs: valid, one subnet per AZ and tier, inside the VPC, none overlapping. */
function networkProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  for (const env of declaredEnvironments(spec)) {
    const n = settingsFor(spec, env).network;
    const vpc = parseCidr(n.vpcCidr);
    if (!vpc || vpc.prefix < 16 || vpc.prefix > 24) {
      problems.push({ path: networkPath(spec, env, "vpcCidr"), message: `${env}: "${n.vpcCidr}" is not a valid VPC CIDR (a network address with a /16 to /24 prefix)` });
      continue;
    }
    const subnets = resolveNetwork(n).subnets;
    const seen: { cidr: NonNullable<ReturnType<typeof parseCidr>>; where: string }[] = [];
    for (const tier of ["public", "app", "data"] as const) {
      const path = `${networkPath(spec, env, "subnetCidrs")}.${tier}`;
      if (subnets[tier].length !== n.azCount) {
        problems.push({ path, message: `${env}: ${subnets[tier].length} subnets for ${n.azCount} availability zones; give one per AZ` });
      }
      subnets[tier].forEach((text, i) => {
        const c = parseCidr(text);
        if (!c) return void problems.push({ path: `${path}[${i}]`, message: `${env}: "${text}" is not a valid CIDR network address` });
        if (!contains(vpc, c)) problems.push({ path: `${path}[${i}]`, message: `${env}: ${text} is outside the VPC CIDR ${n.vpcCidr}` });
        const clash = seen.find((s) => overlaps(s.cidr, c));
        if (clash) problems.push({ path: `${path}[${i}]`, message: `${env}: ${text} overlaps ${clash.where}` });
        seen.push({ cidr: c, where: `${tier}[${i}] ${text}` });
      });
    }
  }
  return problems;
}

/**
 * GuardDuty allows one detector and AWS Config one recorder per account and region: two
 * environments in the same account and region cannot both create them.
 */
function sharedAccountProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, string>();
  for (const env of declaredEnvironments(spec)) {
    const e = spec.environments[env]!;
    const audit = settingsFor(spec, env).audit;
    for (const [part, on] of [["guardDuty", audit.guardDuty], ["awsConfig", audit.awsConfig]] as const) {
      if (!on) continue;
      const key = `${part} ${e.accountId} ${e.region ?? spec.primaryRegion}`;
      const other = owners.get(key);
      if (other) {
        problems.push({
          path: `environments.${env}.overrides.audit.${part}`,
          message: `${env} and ${other} share account ${e.accountId} in ${e.region ?? spec.primaryRegion}, which holds one ${part === "guardDuty" ? "GuardDuty detector" : "AWS Config recorder"}: set it false in one of them`,
        });
      } else owners.set(key, env);
    }
  }
  return problems;
}

/** Replication needs a DR region that differs from the primary one. */
function drProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  if (spec.drRegion && spec.drRegion === spec.primaryRegion) {
    problems.push({ path: "drRegion", message: `is the primary region ${spec.primaryRegion}; a disaster-recovery copy must live elsewhere` });
  }
  (spec.buckets ?? []).forEach((b, i) => {
    if (b.replicateIn?.length && !spec.drRegion) problems.push({ path: `buckets[${i}].replicateIn`, message: "replication needs drRegion set at the top level" });
  });
  return problems;
}

function alarmProblems(raw: unknown): Problem[] {
  const list = obj(raw)?.logMetricAlarms;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i) => {
    const a = obj(item);
    return a && typeof a.warning === "number" && typeof a.critical === "number" && a.warning > a.critical
      ? [{ path: `logMetricAlarms[${i}].warning`, message: `warning threshold ${a.warning} is above critical ${a.critical}` }]
      : [];
  });
}

/** Names and keys that only exist after resolving: AWS naming rules and clashes between stacks. */
function derivedNameProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  const stateKeys = new Map<string, string>();
  const bucketOwners = new Map<string, string>();
  for (const env of declaredEnvironments(spec)) {
    const r = resolve(spec, env);
    const where = (field: string) =>
      spec.environments[env]?.state?.[field as "key"] !== undefined ? `environments.${env}.state.${field}` : spec.state?.[field as "key"] !== undefined ? `state.${field}` : "app";
    for (const template of [spec.state?.bucketName, spec.state?.key, spec.state?.lockTableName, spec.environments[env]?.state?.bucketName]) {
      const leftover = template && fillTemplate(template, { app: "", env: "", account: "", region: "" }).match(/\{[^}]*\}/);
      if (leftover) problems.push({ path: where("bucketName"), message: `unknown placeholder ${leftover[0]}; use {app}, {env}, {account} or {region}` });
    }
    const bucketProblem = s3BucketNameProblem(r.state.logBucketName);
    if (bucketProblem) problems.push({ path: where("bucketName"), message: `${env}: state log ${bucketProblem}` });
    if (r.state.lockTableName) {
      const p = dynamoTableNameProblem(r.state.lockTableName);
      if (p) problems.push({ path: where("lockTableName"), message: `${env}: lock ${p}` });
    }
    for (const bucket of [r.names.accessLogBucket, r.names.auditBucket, r.names.drAccessLogBucket]) {
      const p = s3BucketNameProblem(bucket);
      if (p) problems.push({ path: "app", message: `${env}: ${p}` });
    }
    r.buckets.forEach((b, i) => {
      for (const bucket of [b.bucketName, b.replica?.bucketName]) {
        const p = bucket && s3BucketNameProblem(bucket);
        if (p) problems.push({ path: `buckets[${i}].name`, message: `${env}: ${p}` });
      }
    });
    const owner = bucketOwners.get(r.state.bucketName);
    if (owner) problems.push({ path: where("bucketName"), message: `${env} uses state bucket "${r.state.bucketName}" already used by ${owner}; bucket names are global, include {env}` });
    bucketOwners.set(r.state.bucketName, env);
    for (const [stack, key] of [[r.stackNames.app, r.state.key], [r.stackNames.bootstrap, r.state.bootstrapKey]]) {
      const id = `${r.state.bucketName}/${key}`;
      const other = stateKeys.get(id);
      if (other) problems.push({ path: where("key"), message: `state key "${key}" of ${stack} is already used by ${other}; every stack needs its own key` });
      stateKeys.set(id, stack);
    }
  }
  return problems;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
