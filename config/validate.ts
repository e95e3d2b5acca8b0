/**
 * validateSpec(raw): every problem of a config at once, with its JSON path. Schema
 * problems come from zod; cross-field problems (residency, duplicates, derived AWS
 * names, state key clashes) from raw-checks.ts (on the raw input, reported alongside
 * schema problems) and spec-checks.ts (on a schema-valid spec: while the schema fails, the
 * result's `note` says that these are still to come).
 */
import { DERIVED_NAMES_NOTE, SCHEMA_FIRST_NOTE, type Problem } from "./problems";
import {
  alarmProblems,
  duplicateProblems,
  environmentReferenceProblems,
  gdprResidencyProblems,
  tagProblems,
  keyPurposeProblems,
  residencyProblems,
  roleAccountProblems,
  suppressionProblems,
} from "./raw-checks";
import { describeIssue } from "./schema-issues";
import { AppSpecSchema, ENVIRONMENTS, type AppSpec } from "./schema";
import { edgeConfigProblems } from "./edge-checks";
import { deliveryProblems } from "./delivery-checks";
import { serviceProblems } from "./service-checks";
import {
  auditReaderProblems,
  cacheProblems,
  databaseProblems,
  derivedNameProblems,
  drProblems,
  networkProblems,
  sharedAccountProblems,
} from "./spec-checks";

/** `note`: what could not be checked yet (SCHEMA_FIRST_NOTE, DERIVED_NAMES_NOTE). */
export type ValidationResult = { ok: true; spec: AppSpec } | { ok: false; problems: Problem[]; note?: string };

export function validateSpec(raw: unknown): ValidationResult {
  const parsed = AppSpecSchema.safeParse(raw, { reportInput: true });
  const problems: Problem[] = parsed.success ? [] : parsed.error.issues.flatMap(describeIssue);
  problems.push(...residencyProblems(raw), ...duplicateProblems(raw), ...suppressionProblems(raw), ...alarmProblems(raw));
  problems.push(...environmentReferenceProblems(raw), ...roleAccountProblems(raw), ...keyPurposeProblems(raw));
  problems.push(...gdprResidencyProblems(raw), ...tagProblems(raw));
  let namesDeferred = false;
  if (parsed.success) {
    const network = networkProblems(parsed.data);
    const dataTier = [...databaseProblems(parsed.data), ...cacheProblems(parsed.data)];
    const services = [...serviceProblems(parsed.data), ...edgeConfigProblems(parsed.data)];
    problems.push(
      ...network,
      ...dataTier,
      ...services,
      ...drProblems(parsed.data),
      ...sharedAccountProblems(parsed.data),
      ...auditReaderProblems(parsed.data),
      ...deliveryProblems(parsed.data),
    );
    // Names are checked on the resolved spec, which needs a valid network plan, engine versions and certificates.
    namesDeferred = network.length + dataTier.length + services.length > 0;
    if (!namesDeferred) problems.push(...derivedNameProblems(parsed.data));
  }
  if (!parsed.success || problems.length > 0) {
    const listed = mergedAcrossEnvironments(withoutEchoes(dedupe(problems)));
    const note = !parsed.success ? SCHEMA_FIRST_NOTE : namesDeferred ? DERIVED_NAMES_NOTE : undefined;
    return { ok: false, problems: listed, ...(note ? { note } : {}) };
  }
  return { ok: true, spec: parsed.data };
}

/**
 * A misspelt required key is one mistake, not two: drop "accountId: is required" where the
 * same object has an unknown key whose suggestion is "accountId".
 */
function withoutEchoes(problems: Problem[]): Problem[] {
  const suggested = new Set(
    problems.flatMap((p) => {
      const hint = /^unknown key "[^"]*" \(did you mean "([^"]+)"\?\)/.exec(p.message)?.[1];
      if (!hint) return [];
      const parent = p.path.includes(".") ? p.path.slice(0, p.path.lastIndexOf(".")) : "";
      return [parent ? `${parent}.${hint}` : hint];
    }),
  );
  return problems.filter((p) => !(suggested.has(p.path) && p.message.startsWith("is required")));
}

/**
 * One mistake in the spec shows in each environment it reaches: "x: dev: …", "x: staging: …"
 * and "x: prod: …" with the same words are one line, "x: dev, staging, prod: …".
 */
function mergedAcrossEnvironments(problems: Problem[]): Problem[] {
  const inOneEnvironment = new RegExp(`^(${ENVIRONMENTS.join("|")}): `);
  const merged: Problem[] = [];
  const seen = new Map<string, { index: number; environments: string[] }>();
  for (const p of problems) {
    const env = inOneEnvironment.exec(p.message)?.[1];
    if (env === undefined) {
      merged.push(p);
      continue;
    }
    const words = p.message.slice(env.length + 2);
    const key = `${p.path}\u0000${words}`;
    const same = seen.get(key);
    if (same) {
      same.environments.push(env);
      merged[same.index] = { path: p.path, message: `${same.environments.join(", ")}: ${words}` };
    } else {
      seen.set(key, { index: merged.length, environments: [env] });
      merged.push(p);
    }
  }
  return merged;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  // zod's own bound of an integer (2^53 - 1) beside the field's real one says nothing more.
  const safeBound = `must be at most ${Number.MAX_SAFE_INTEGER} `;
  const bounded = new Set(
    problems.filter((p) => p.message.startsWith("must be at most ") && !p.message.startsWith(safeBound)).map((p) => p.path),
  );
  return problems.filter((p) => {
    if (p.message.startsWith(safeBound) && bounded.has(p.path)) return false;
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
