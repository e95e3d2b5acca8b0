/** IAM: scanner-rules.md §2.16. Policies are read from their JSON strings. */
import { fail, notApplicable, pass, unknown, type Rule } from "../types";
import type { TfGraph, TfResource } from "../graph";
import { blocks, isSet, list, show, policyRule, policyStatements, type Statement } from "./helpers";

const POLICIES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"];
/** Checkov's policy checks also read SSO permission sets' `inline_policy`. */
const CKV_POLICIES = [...POLICIES, "aws_ssoadmin_permission_set_inline_policy"];
const POLICY_ATTRS = ["policy", "inline_policy"];
const allows = (st: Statement[]) => st.filter((s) => s.Effect === "Allow");
/** CKV_AWS_62/63 read a statement without Effect as Allow (`statement.get("Effect", "Allow")`). */
const checkovAllows = (st: Statement[]) => st.filter((s) => (s.Effect ?? "Allow") === "Allow");
/** A wildcard action (ec2:Describe*) expands to actions of which some take an ARN (cloudsplaining). */
const restrictable = (a: string) => a.includes("*") || !unscopable(a);
/** Actions that take no resource ARN, where `Resource: "*"` is the only option. */
const UNSCOPABLE = [
  /^ecr:GetAuthorizationToken$/,
  /^sts:GetCallerIdentity$/,
  /^cloudwatch:PutMetricData$/,
  /^xray:Put/,
  /^ec2:Describe/,
  /^logs:DescribeLogGroups$/,
  /^kms:ListAliases$/,
  /^secretsmanager:ListSecrets$/,
  /^s3:ListAllMyBuckets$/,
  /^ssm:DescribeParameters$/,
  /^apprunner:List/,
  /^ecs:(List|Describe)/,
  /^ecs:RegisterTaskDefinition$/,
  /^ecs:DeregisterTaskDefinition$/,
  /^iam:ListRoles$/,
];
const unscopable = (a: string) => UNSCOPABLE.some((p) => p.test(a));
const MANAGED = (name: string) => [new RegExp(`arn:aws[a-z-]*:iam::aws:policy/${name}$`)];
const ATTACHMENTS = [
  "aws_iam_role",
  "aws_iam_role_policy_attachment",
  "aws_iam_policy_attachment",
  "aws_iam_user_policy_attachment",
  "aws_iam_group_policy_attachment",
  "aws_ssoadmin_managed_policy_attachment",
];

function attachedArns(r: { config: Record<string, unknown> }): string[] {
  return [r.config.policy_arn, r.config.managed_policy_arn, ...list(r.config.managed_policy_arns as string[] | undefined)].filter(
    (x): x is string => typeof x === "string",
  );
}
function trustRule(meta: Omit<Rule, "check">, problem: (s: Statement) => string | undefined): Rule {
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
const REFERENCE_SIZE = 100;
const policySize = (policy: unknown): number =>
  typeof policy === "string" ? policy.replace(/\$\{[^}]*\}/g, "x".repeat(REFERENCE_SIZE)).replace(/\s/g, "").length : 0;

/** The inline policies of a role: its inline_policy blocks and the aws_iam_role_policy resources naming it. */
function inlinePolicies(role: TfResource, graph: TfGraph): unknown[] {
  const attached = graph
    .ofType("aws_iam_role_policy")
    .filter((p) => graph.referencedBy(p).includes(role) || (role.config.name !== undefined && p.config.role === role.config.name));
  return [...blocks(role.config.inline_policy).map((b) => b.policy), ...attached.map((p) => p.config.policy)];
}

const GH_OIDC = "oidc-provider/token.actions.githubusercontent.com";
const GH_SUB = /^token\.actions\.githubusercontent\.com(?:\/[a-zA-Z0-9_-]+)?:sub$/;
const GH_ABUSABLE = ["workflow", "environment", "ref", "context", "head_ref", "base_ref"];
/** Checkov's gh_repo_regex, anchored at the start only (Python re.match). */
const GH_REPO = /^(\$\{)?[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*(\})?\/[^/]+/;
const principalValues = (p: unknown, key: string): string[] =>
  typeof p === "object" && p ? list((p as Record<string, string | string[]>)[key]) : [];

export const iamRules: Rule[] = [
  trustRule(
    {
      id: "CKV_AWS_60",
      checkov: "CKV_AWS_60",
      severity: "critical",
      resourceTypes: ["aws_iam_role"],
      description: "The trust policy lets no `AWS: *` principal assume the role.",
      fix: "Name the principals that may assume the role.",
    },
    (s) =>
      s.Effect !== "Deny" && (s.Principal === "*" || principalValues(s.Principal, "AWS").includes("*"))
        ? "anyone may assume this role"
        : undefined,
  ),
  trustRule(
    {
      id: "CKV_AWS_61",
      checkov: "CKV_AWS_61",
      severity: "high",
      resourceTypes: ["aws_iam_role"],
      description: "The trust policy does not allow a whole account (account id or :root) to assume the role.",
      fix: "Trust specific roles; if an account must be trusted, add aws:PrincipalArn conditions and suppress with the reason.",
    },
    (s) =>
      s.Effect === "Allow" &&
      principalValues(s.Principal, "AWS").some((p) => /^\d{12}$/.test(p) || /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(p))
        ? "a whole account may assume this role"
        : undefined,
  ),
  {
    id: "CKV_AWS_393",
    checkov: "CKV_AWS_393",
    severity: "critical",
    resourceTypes: ["aws_iam_role"],
    description:
      "The trust policy's first statement, if it trusts GitHub's OIDC provider, has a Condition whose first " +
      "token.actions.githubusercontent.com[/<org>]:sub value is not *, names a claim value, starts with no abusable " +
      "claim (workflow, environment, ref, context, head_ref, base_ref), and after repo: names <org>/<...> (Checkov's order).",
    fix: "Condition StringLike sub = repo:<org>/<repo>:environment:<env> (or :ref:refs/heads/main).",
    check: (r, g) => {
      // A role GitHub cannot assume is not this rule's business (Checkov passes it; reports
      // would list a GitHub rule "passing" on every service role).
      if (!isSet(r.config.assume_role_policy)) return notApplicable;
      const st = policyStatements(r.config.assume_role_policy, g);
      if (!st) return unknown("assume_role_policy is not readable JSON");
      for (const s of st) {
        if (typeof s !== "object" || s === null) continue;
        if (!principalValues(s.Principal, "Federated").some((f) => f.includes(GH_OIDC))) return notApplicable;
        if (!s.Condition || typeof s.Condition !== "object") return fail("GitHub OIDC trust without a Condition: any repo could assume it");
        for (const byKey of Object.values(s.Condition)) {
          if (typeof byKey !== "object" || byKey === null) continue;
          for (const [key, values] of Object.entries(byKey as Record<string, unknown>)) {
            if (!GH_SUB.test(key)) continue;
            for (const v of Array.isArray(values) ? values : [values]) {
              if (typeof v !== "string") continue;
              const claims = v.split(":");
              const bad =
                v === "*" ||
                claims.length === 1 ||
                claims[1] === "*" ||
                GH_ABUSABLE.some((c) => claims[0].startsWith(c)) ||
                (claims[0] === "repo" && !GH_REPO.test(claims[1]));
              return bad ? fail(`sub condition ${v} is too broad`) : pass;
            }
          }
        }
        return fail("no condition on token.actions.githubusercontent.com:sub: any GitHub repo could assume it");
      }
      return pass;
    },
  },
  policyRule(
    {
      id: "CKV_AWS_62",
      checkov: "CKV_AWS_62",
      severity: "critical",
      resourceTypes: CKV_POLICIES,
      description: "No Allow (a statement without Effect counts as one) of Action * on Resource *.",
      fix: "Grant named actions on named resources (use grant methods).",
    },
    POLICY_ATTRS,
    (st) =>
      checkovAllows(st).some((s) => list(s.Action).includes("*") && list(s.Resource).includes("*")) ? "full admin (*:*)" : undefined,
  ),
  policyRule(
    {
      id: "CKV_AWS_63",
      checkov: "CKV_AWS_63",
      severity: "high",
      resourceTypes: CKV_POLICIES,
      description: "No Allow (a statement without Effect counts as one) of Action *.",
      fix: "List the actions needed.",
    },
    POLICY_ATTRS,
    (st) => (checkovAllows(st).some((s) => list(s.Action).includes("*")) ? "Action *" : undefined),
  ),
  policyRule(
    {
      id: "CKV_AWS_355",
      checkov: "CKV_AWS_355",
      severity: "medium",
      resourceTypes: CKV_POLICIES,
      description: "Resource * only for actions that cannot be scoped to an ARN (a wildcard action such as ec2:Describe* can be, in part).",
      fix: "Scope the statement's Resource to ARNs.",
    },
    POLICY_ATTRS,
    (st) => {
      const bad = allows(st)
        .filter((s) => list(s.Resource).includes("*"))
        .flatMap((s) => list(s.Action))
        .filter(restrictable);
      return bad.length ? `${bad.join(", ")} on Resource *` : undefined;
    },
  ),
  policyRule(
    {
      id: "CKV2_AWS_40",
      checkov: "CKV2_AWS_40",
      severity: "critical",
      resourceTypes: [...CKV_POLICIES, "data.aws_iam_policy_document"],
      description: "No Allow of iam:* or * (in policies, and in aws_iam_policy_document data sources themselves, as Checkov reads them).",
      fix: "Grant the specific IAM actions needed.",
    },
    POLICY_ATTRS,
    (st) => (allows(st).some((s) => list(s.Action).some((a) => a === "*" || a.toLowerCase() === "iam:*")) ? "full IAM access" : undefined),
  ),
  {
    id: "CKV_AWS_274",
    checkov: "CKV_AWS_274",
    severity: "critical",
    resourceTypes: ATTACHMENTS,
    description: "AdministratorAccess is not attached.",
    fix: "Attach least-privilege policies.",
    check: (r) =>
      attachedArns(r).some((a) => MANAGED("AdministratorAccess").some((p) => p.test(a))) ? fail("AdministratorAccess attached") : pass,
  },
  {
    id: "CKV2_AWS_56",
    checkov: "CKV2_AWS_56",
    severity: "critical",
    resourceTypes: [...ATTACHMENTS, "data.aws_iam_policy"],
    description:
      "IAMFullAccess is not attached, nor looked up by a data.aws_iam_policy (name IAMFullAccess, or an arn containing it), as " +
        "Checkov reads it.",
    fix: "Attach least-privilege policies.",
    check: (r) => {
      if (r.type === "data.aws_iam_policy") {
        return r.config.name === "IAMFullAccess" || String(r.config.arn ?? "").includes("IAMFullAccess")
          ? fail("looks up IAMFullAccess")
          : pass;
      }
      return attachedArns(r).some((a) => MANAGED("IAMFullAccess").some((p) => p.test(a))) ? fail("IAMFullAccess attached") : pass;
    },
  },
  {
    id: "CKV_AWS_40",
    checkov: "CKV_AWS_40",
    severity: "medium",
    resourceTypes: ["aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"],
    description: "No policies attached to users (use roles).",
    fix: "Attach policies to roles assumed through SSO/OIDC.",
    check: (r) => (r.type === "aws_iam_policy_attachment" && !isSet(r.config.users) ? pass : fail("policy attached to IAM users")),
  },
  policyRule(
    {
      id: "AWS-0342",
      trivy: ["AWS-0342", "aws-iam-filter-passrole-access"],
      severity: "high",
      resourceTypes: POLICIES,
      description: "An Allow of iam:PassRole needs a Deny on iam:PassRole in the same policy (Trivy ignores Resource scoping).",
      fix: "Scope PassRole to the role ARNs with iam:PassedToService, and suppress with that reason.",
    },
    "policy",
    (st) =>
      allows(st).some((s) => list(s.Action).includes("iam:PassRole")) &&
      !st.some((s) => s.Effect === "Deny" && list(s.Action).includes("iam:PassRole"))
        ? "iam:PassRole allowed"
        : undefined,
  ),
  policyRule(
    {
      id: "AWS-0345",
      trivy: ["AWS-0345", "aws-iam-no-s3-full-access"],
      severity: "high",
      resourceTypes: POLICIES,
      description: "No Allow of s3:* without a Deny on s3:*.",
      fix: "Grant named S3 actions (grantRead/grantWrite).",
    },
    "policy",
    (st) =>
      allows(st).some((s) => list(s.Action).some((a) => a.toLowerCase() === "s3:*")) &&
      !st.some((s) => s.Effect === "Deny" && list(s.Action).some((a) => a.toLowerCase() === "s3:*"))
        ? "s3:* allowed"
        : undefined,
  ),
  policyRule(
    {
      id: "AWS-0346",
      trivy: ["AWS-0346", "aws-iam-unauthorized-bucket-access"],
      severity: "high",
      resourceTypes: POLICIES,
      description: 'No Allow of both s3:Get* and s3:Put* (as written) on Resource "*" in one statement.',
      fix: "Scope S3 access to bucket ARNs (grantRead/grantWrite).",
    },
    "policy",
    (st) =>
      allows(st).some(
        (s) =>
          s.Resource === "*" &&
          ["s3:get*", "s3:put*"].every((a) =>
            list(s.Action)
              .map((x) => x.toLowerCase())
              .includes(a),
          ),
      )
        ? "s3:Get* and s3:Put* on every bucket"
        : undefined,
  ),
  {
    id: "PRJ_IAM_ROLE_POLICY_SIZE",
    severity: "high",
    resourceTypes: ["aws_iam_role"],
    description: `The role's inline policies together stay within IAM's ${ROLE_INLINE_POLICY_LIMIT} characters (whitespace not counted; each \${...} reference counted as ${REFERENCE_SIZE}), so apply does not fail with LimitExceeded. Neither scanner checks this.`,
    fix: "Split the grants across roles (one per workload), or move stable statements into a customer-managed policy attached to the role.",
    check: (r, g) => {
      const size = inlinePolicies(r, g).reduce<number>((sum, p) => sum + policySize(p), 0);
      return size > ROLE_INLINE_POLICY_LIMIT
        ? fail(`role ${show(r.config.name)}: inline policies total about ${size} characters, over IAM's ${ROLE_INLINE_POLICY_LIMIT}`)
        : pass;
    },
  },
];
