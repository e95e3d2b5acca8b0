/**
 * The grant API: a resource grants access to a grantee (`bucket.grantRead(taskRole)`), the
 * grantee collects the statements, and its policy is rendered once, merged, when the stack
 * is synthesized. Callers never handle raw statements, so no duplicate Sid reaches IAM.
 */
import type { PolicyStatement } from "./policy-document";

/** Anything permissions can be granted to: today a role with an inline policy. */
export interface Grantable {
  /** Construct path of the grantee, for error messages. */
  readonly grantName: string;
  /** Add statements to the grantee's policy; merged and de-duplicated when rendered. */
  addToPolicy(...statements: PolicyStatement[]): void;
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const unique = (values: string[]): string[] => [...new Set(values)];
/** One value stays a string, several a list: the way policies are usually written. */
const compact = (values: string[]): string | string[] => (values.length === 1 ? values[0] : values);

/**
 * Merge statements the way IAM reads them: statements that differ only in their actions
 * become one (actions joined), then statements that differ only in their resources become
 * one (resources joined). Identical statements collapse, and Sids are made unique (IAM
 * rejects a policy with two equal Sids), keeping the first statement's Sid of each group.
 */
export function mergeStatements(statements: readonly PolicyStatement[]): PolicyStatement[] {
  const byResources = mergeOn(statements, "Action", (s) => [...asList(s.Resource)].sort());
  const merged = mergeOn(byResources, "Resource", (s) => [...asList(s.Action)].sort());
  const seen = new Map<string, number>();
  return merged.map((s) => {
    const n = (seen.get(s.Sid) ?? 0) + 1;
    seen.set(s.Sid, n);
    return n === 1 ? s : { ...s, Sid: `${s.Sid}${n}` };
  });
}

/** Join `field` across statements equal in everything else (the other list compared sorted). */
function mergeOn(
  statements: readonly PolicyStatement[],
  field: "Action" | "Resource",
  other: (s: PolicyStatement) => string[],
): PolicyStatement[] {
  const groups = new Map<string, { first: PolicyStatement; values: string[] }>();
  for (const s of statements) {
    const key = JSON.stringify([s.Effect, s.Principal ?? null, s.Condition ?? null, other(s)]);
    const group = groups.get(key);
    if (group) group.values.push(...asList(s[field]));
    else groups.set(key, { first: s, values: [...asList(s[field])] });
  }
  return [...groups.values()].map(({ first, values }) =>
    first[field] === undefined ? first : { ...first, [field]: compact(unique(values)) },
  );
}
