/**
 * Suppressions: a rule id, a written justification, and where it applies (a construct and
 * everything below it). Made through `suppress()` in construct code or `guardrails.suppressions`
 * in config; both are checked when made.
 */
import type { IConstruct } from "constructs";
import { RULES_BY_ANY_ID } from "./rules";

export const SUPPRESSION_METADATA = "guardrails:suppress";
/** A justification shorter than this is not one. */
export const MIN_REASON_LENGTH = 10;

/** The scanners a suppression is written out for. */
export type Scanner = "checkov" | "trivy";
export const ALL_SCANNERS: readonly Scanner[] = ["checkov", "trivy"];

export interface Suppression {
  /** Rule id (Checkov or Trivy form). */
  readonly id: string;
  readonly reason: string;
  /** Construct path the suppression covers, with everything below it. */
  readonly constructPath: string;
  /** Where it was made: `code` or the config path. */
  readonly source: string;
  /**
   * Scanners to write the suppression out for (skip files, inline comments). Our own check
   * is always suppressed. Narrow it where a scanner does not flag the resource at all, so a
   * file-wide skip does not hide that scanner's findings on other resources. @default both
   */
  readonly scanners?: readonly Scanner[];
}

/** What is wrong with a suppression's id and reason, or undefined. */
export function suppressionProblem(id: string, reason: string): string | undefined {
  if (!RULES_BY_ANY_ID.has(id)) return `unknown rule id "${id}"`;
  if (reason.trim().length < MIN_REASON_LENGTH) {
    return `suppression of ${id} needs a justification of at least ${MIN_REASON_LENGTH} characters`;
  }
  return undefined;
}

/**
 * Suppress rule `id` on `scope` and everything below it, with a justification a reviewer
 * would accept. `options.scanners` narrows which scanners' skip files and comments carry it.
 */
export function suppress(scope: IConstruct, id: string, reason: string, options: { scanners?: readonly Scanner[] } = {}): void {
  const problem = suppressionProblem(id, reason);
  if (problem) throw new Error(`suppress(${scope.node.path}): ${problem}.`);
  scope.node.addMetadata(SUPPRESSION_METADATA, { id, reason, scanners: options.scanners });
}

/** Every suppression made with `suppress()` in a construct tree. */
export function suppressionsIn(root: IConstruct): Suppression[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === SUPPRESSION_METADATA)
      .map((m) => {
        const data = m.data as { id: string; reason: string; scanners?: Scanner[] };
        return { id: data.id, reason: data.reason, constructPath: c.node.path, source: "code", scanners: data.scanners };
      }),
  );
}
