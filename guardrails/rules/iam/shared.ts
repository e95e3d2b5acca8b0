/** Readers and resource-type lists shared by the iam rules. */
import { fail, pass, type Rule, unknown } from "../../types";
import type { TfGraph, TfResource } from "../../graph";
import { blocks, isSet, list, policyStatements, type Statement } from "../helpers";

export const POLICIES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"];
/** Checkov's policy checks also read SSO permission sets' `inline_policy`. */
export const CKV_POLICIES = [...POLICIES, "aws_ssoadmin_permission_set_inline_policy"];
export const POLICY_ATTRS = ["policy", "inline_policy"];
export const allows = (st: Statement[]) => st.filter((s) => s.Effect === "Allow");
/** CKV_AWS_62/63 read a statement without Effect as Allow (`statement.get("Effect", "Allow")`). */
export const checkovAllows = (st: Statement[]) => st.filter((s) => (s.Effect ?? "Allow") === "Allow");
export const MANAGED = (name: string) => [new RegExp(`arn:aws[a-z-]*:iam::aws:policy/${name}$`)];
export const ATTACHMENTS = [
  "aws_iam_role",
  "aws_iam_role_policy_attachment",
  "aws_iam_policy_attachment",
  "aws_iam_user_policy_attachment",
  "aws_iam_group_policy_attachment",
  "aws_ssoadmin_managed_policy_attachment",
];

export function attachedArns(r: { config: Record<string, unknown> }): string[] {
  return [r.config.policy_arn, r.config.managed_policy_arn, ...list(r.config.managed_policy_arns as string[] | undefined)].filter(
    (x): x is string => typeof x === "string",
  );
}
export function trustRule(meta: Omit<Rule, "check">, problem: (s: Statement) => string | undefined): Rule {
  return {
    ...meta,
    check: (r, g) => {
      if (!isSet(r.config.assume_role_policy)) return pass;
      const st = policyStatements(r.config.assume_role_policy, g);
      if (!st) return unknown("assume_role_policy is not readable JSON");
      const p = st.map(problem).find(Boolean);
      return p ? fail(p) : pass;
    },
  };
}
/** IAM's limit on a role's inline policies together, whitespace not counted. */
export const ROLE_INLINE_POLICY_LIMIT = 10_240;
/** A `${...}` reference becomes an ARN at apply time; it counts as this many characters (KMS key and bucket ARNs take under 80). */
export const REFERENCE_SIZE = 100;
export const policySize = (policy: unknown): number =>
  typeof policy === "string" ? policy.replace(/\$\{[^}]*\}/g, "x".repeat(REFERENCE_SIZE)).replace(/\s/g, "").length : 0;

/** The inline policies of a role: its inline_policy blocks and the aws_iam_role_policy resources naming it. */
export function inlinePolicies(role: TfResource, graph: TfGraph): unknown[] {
  const attached = graph
    .ofType("aws_iam_role_policy")
    .filter((p) => graph.referencedBy(p).includes(role) || (role.config.name !== undefined && p.config.role === role.config.name));
  return [...blocks(role.config.inline_policy).map((b) => b.policy), ...attached.map((p) => p.config.policy)];
}

export const GH_OIDC = "oidc-provider/token.actions.githubusercontent.com";
export const GH_SUB = /^token\.actions\.githubusercontent\.com(?:\/[a-zA-Z0-9_-]+)?:sub$/;
export const GH_ABUSABLE = ["workflow", "environment", "ref", "context", "head_ref", "base_ref"];
/** Checkov's gh_repo_regex, anchored at the start only (Python re.match). */
export const GH_REPO = /^(\$\{)?[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*(\})?\/[^/]+/;
export const principalValues = (p: unknown, key: string): string[] =>
  typeof p === "object" && p ? list((p as Record<string, string | string[]>)[key]) : [];
