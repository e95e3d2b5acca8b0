/**
 * Guardrail rules: pure checks over one stack's Terraform JSON, keyed by the Checkov and
 * tfsec/Trivy ids whose real conditions they encode (listed in guardrails/RULES.md).
 */
import type { TfGraph, TfResource } from "./graph";

export type Severity = "critical" | "high" | "medium" | "low";

/** Severities, most severe first (bySeverity sorts by it). */
const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low"];

/** Compares by severity, most severe first. */
export const bySeverity = (a: { readonly severity: Severity }, b: { readonly severity: Severity }) =>
  SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);

/** A rule's (or finding's) Trivy ids in the AWS-xxxx form, without the legacy tfsec name. */
export const trivyAwsIds = (r: { readonly trivy?: readonly string[] }): string[] => (r.trivy ?? []).filter((t) => t.startsWith("AWS-"));

/** What a rule says about one resource. `unknown`: it needed a literal and found a `${...}`. */
export type Verdict =
  | { readonly status: "compliant" }
  | { readonly status: "non-compliant"; readonly detail: string }
  | { readonly status: "not-applicable" }
  | { readonly status: "unknown"; readonly detail: string };

export const pass: Verdict = { status: "compliant" };
export const notApplicable: Verdict = { status: "not-applicable" };
export const fail = (detail: string): Verdict => ({ status: "non-compliant", detail });
export const unknown = (detail: string): Verdict => ({ status: "unknown", detail });

/** What a stack's rules may know beyond its Terraform JSON. */
export interface RuleContext {
  /** Data residency: the regions resources may live in. @default - not checked */
  readonly allowedRegions?: readonly string[];
  /**
   * Named opt-ins for resources outside allowedRegions: each admits its region for resources
   * of its types below its construct scopes (`<stack>/EdgeTier/Certificate`), nothing else. @default - none
   */
  readonly residencyExceptions?: readonly ResidencyExceptionContext[];
  /**
   * Frameworks the app is audited against (`hipaa`, `gdpr`): the reports cite only their
   * references. No rule reads it. @default - not declared: the reports cite both
   */
  readonly compliance?: readonly string[];
}

/** A residency exception as the residency rule sees it. */
export interface ResidencyExceptionContext {
  /** Its name in the config (`cloudfront-certificate`). */
  readonly name: string;
  readonly region: string;
  readonly resourceTypes: readonly string[];
  /** Construct paths (with the stack) the exception covers, with everything below them. */
  readonly constructScopes: readonly string[];
}

export interface Rule {
  /** The id findings and suppressions use: the Checkov id, or the Trivy id where Checkov has none. */
  readonly id: string;
  readonly checkov?: string;
  /** Trivy ids (AWS-xxxx; older binaries print AVD-AWS-xxxx) and the legacy tfsec name. */
  readonly trivy?: readonly string[];
  readonly severity: Severity;
  /** Resource types the rule looks at; `provider.aws` for provider blocks; `*` for every resource and provider. */
  readonly resourceTypes: readonly string[];
  /** What it checks, as the scanner really checks it. */
  readonly description: string;
  /** Where the rule is stricter than the scanner it names, if it is (listed in RULES.md). @default - not stricter */
  readonly stricter?: string;
  /** How to fix a finding. */
  readonly fix: string;
  readonly check: (resource: TfResource, graph: TfGraph, context: RuleContext) => Verdict;
}
