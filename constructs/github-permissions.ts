/**
 * What the GitHub plan and deploy roles may do, as policy statements: derived from the
 * services the stacks they manage use, and from where the state lives. Pure data; the
 * roles are built by `GitHubDelivery`.
 */
import { CDN_DEFAULTS } from "../config/presets";
import { CONFIG_RECORDER_POLICY } from "./audit";
import { BACKUP_SERVICE_POLICY } from "./backup-plan";
import { DENY_KEY_GRANTS_TO_PRINCIPALS, SHARING_OUTSIDE_THE_ACCOUNT, viaService, type PolicyStatement } from "./policy-document";
import { awsManagedPolicyArn } from "./service-role";

/**
 * The IAM service prefix of each Terraform type prefix (resources and data sources), longest
 * prefix first. A type no entry covers fails the synth of a stack the roles manage: the
 * deploy role would lack its service.
 */
const SERVICE_BY_TYPE_PREFIX: readonly (readonly [string, string])[] = [
  ["aws_cloudwatch_event_", "events"],
  ["aws_cloudwatch_log_", "logs"],
  ["aws_cloudwatch_", "cloudwatch"],
  ["aws_appautoscaling_", "application-autoscaling"],
  ["aws_apprunner_", "apprunner"],
  ["aws_backup_", "backup"],
  ["aws_budgets_", "budgets"],
  ["aws_cloudtrail", "cloudtrail"],
  ["aws_config_", "config"],
  ["aws_db_", "rds"],
  ["aws_rds_", "rds"],
  ["aws_dynamodb_", "dynamodb"],
  ["aws_ecr_", "ecr"],
  ["aws_ecs_", "ecs"],
  ["aws_elasticache_", "elasticache"],
  ["aws_guardduty_", "guardduty"],
  ["aws_iam_", "iam"],
  ["aws_kms_", "kms"],
  ["aws_lb", "elasticloadbalancing"],
  ["aws_alb", "elasticloadbalancing"],
  ["aws_s3_", "s3"],
  ["aws_secretsmanager_", "secretsmanager"],
  ["aws_sns_", "sns"],
  ["aws_sqs_", "sqs"],
  ["aws_wafv2_", "wafv2"],
  ["aws_acm_", "acm"],
  ["aws_cloudfront_", "cloudfront"],
  ["aws_route53_", "route53"],
  ["aws_ec2_", "ec2"],
  ["aws_availability_zones", "ec2"],
  ["aws_default_", "ec2"],
  ["aws_eip", "ec2"],
  ["aws_flow_log", "ec2"],
  ["aws_internet_gateway", "ec2"],
  ["aws_nat_gateway", "ec2"],
  ["aws_network_", "ec2"],
  ["aws_route", "ec2"],
  ["aws_security_group", "ec2"],
  ["aws_subnet", "ec2"],
  ["aws_vpc", "ec2"],
];

/** The IAM service of a Terraform type; undefined for types of other providers (random). */
export function serviceOfType(type: string): string | undefined {
  if (!type.startsWith("aws_")) return undefined;
  const entry = SERVICE_BY_TYPE_PREFIX.find(([prefix]) => type.startsWith(prefix));
  if (!entry) {
    throw new Error(
      `GitHubDelivery: no IAM service is known for Terraform type ${type}; add its prefix to SERVICE_BY_TYPE_PREFIX in ` +
        "constructs/github-permissions.ts so the deploy and plan roles can manage it",
    );
  }
  return entry[1];
}

/**
 * Services handled by ARN-scoped statements of their own instead of the region-bound one:
 * global (IAM, Budgets; an S3 bucket ARN has no region) or holding data the roles must not
 * reach beyond the app's own (buckets, secrets).
 */
const SCOPED_SERVICES: readonly string[] = ["iam", "budgets", "s3", "secretsmanager"];

/** Global services whose API is in us-east-1 (aws:RequestedRegion is us-east-1 wherever the app lives). */
const GLOBAL_SERVICES: readonly string[] = ["cloudfront", "route53"];
const GLOBAL_API_REGION = CDN_DEFAULTS.controlRegion;

/** Services that may be handed a role of the app (iam:PassedToService): the principals its roles trust, and the APIs that take them. */
export const PASSED_TO_SERVICES: readonly string[] = [
  "apprunner.amazonaws.com",
  "backup.amazonaws.com",
  "build.apprunner.amazonaws.com",
  "cloudtrail.amazonaws.com",
  "config.amazonaws.com",
  "ecs-tasks.amazonaws.com",
  "events.amazonaws.com",
  "monitoring.rds.amazonaws.com",
  "rds.amazonaws.com",
  "s3.amazonaws.com",
  "tasks.apprunner.amazonaws.com",
  "vpc-flow-logs.amazonaws.com",
];

/** Service-linked roles the services the app uses create on first use (iam:AWSServiceName). */
export const SERVICE_LINKED_ROLES: readonly string[] = [
  "apprunner.amazonaws.com",
  "backup.amazonaws.com",
  "ecs.amazonaws.com",
  "ecs.application-autoscaling.amazonaws.com",
  "elasticache.amazonaws.com",
  "elasticloadbalancing.amazonaws.com",
  "guardduty.amazonaws.com",
  "rds.amazonaws.com",
  "wafv2.amazonaws.com",
];

/**
 * Reads that return data rather than configuration: the plan role is denied them even
 * where a `Get*` would allow them (application logs, container images, database logs).
 */
export const DATA_READS: readonly string[] = [
  "logs:GetLogEvents",
  "logs:FilterLogEvents",
  "logs:GetLogRecord",
  "logs:StartQuery",
  "logs:GetQueryResults",
  "logs:StartLiveTail",
  "ecr:BatchGetImage",
  "ecr:GetDownloadUrlForLayer",
  "rds:DownloadDBLogFilePortion",
  "rds:DownloadCompleteDBLogFile",
];

/** Bucket configuration, never objects: what Terraform reads of an aws_s3_bucket and its sub-resources. */
const BUCKET_READS = [
  "s3:GetBucket*",
  "s3:GetAccelerateConfiguration",
  "s3:GetEncryptionConfiguration",
  "s3:GetLifecycleConfiguration",
  "s3:GetReplicationConfiguration",
  "s3:ListBucket",
  "s3:ListBucketVersions",
];
const BUCKET_WRITES = [
  "s3:CreateBucket",
  "s3:DeleteBucket*",
  "s3:PutBucket*",
  "s3:PutAccelerateConfiguration",
  "s3:PutEncryptionConfiguration",
  "s3:PutLifecycleConfiguration",
  "s3:PutReplicationConfiguration",
];
/** IAM writes on a role that IAM can condition on the role's permissions boundary. */
const BOUNDED_ROLE_WRITES = [
  "iam:CreateRole",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePermissionsBoundary",
];

/**
 * The AWS managed policies the platform attaches to its roles (Config's recorder, AWS
 * Backup's plans), as those constructs name them: the only ones the deploy role may attach,
 * so a CI run cannot hand an app role AdministratorAccess (a test checks no stack attaches another).
 */
const ATTACHABLE_MANAGED_POLICIES: readonly string[] = [CONFIG_RECORDER_POLICY, BACKUP_SERVICE_POLICY];

const ROLE_READS = ["iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListRoleTags"];
const ROLE_UPKEEP = [
  "iam:DeleteRole",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "iam:UpdateAssumeRolePolicy",
  "iam:ListInstanceProfilesForRole",
];
/** IAM writes denied on the CI roles and the boundary: no CI run can widen its own rights. */
const IAM_WRITES = [
  "iam:Attach*",
  "iam:Create*",
  "iam:Delete*",
  "iam:Detach*",
  "iam:PassRole",
  "iam:Put*",
  "iam:Set*",
  "iam:Tag*",
  "iam:Untag*",
  "iam:Update*",
];
/** What would loosen the state backend: its policies, encryption, versioning, deletion. */
const STATE_BUCKET_CHANGES = ["s3:DeleteBucket*", "s3:PutBucket*", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration"];
const STATE_KEY_CHANGES = [
  "kms:PutKeyPolicy",
  "kms:ScheduleKeyDeletion",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:CreateGrant",
  "kms:DeleteAlias",
  "kms:UpdateAlias",
];

/** Where the environment's Terraform state lives, as the CI roles need it. */
export interface StateLocation {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  readonly bucketName: string;
  readonly logBucketName: string;
  /** The app stack's state key. */
  readonly key: string;
  readonly lockTableName?: string;
  /** S3 native lockfile (`<key>.tflock`) in use. */
  readonly lockfile: boolean;
  readonly kmsAlias: string;
}

/** The scope the roles act in. */
export interface DeliveryScope {
  readonly partition: string;
  readonly accountId: string;
  /** Regions the roles may act in (aws:RequestedRegion): the app's allowed regions. */
  readonly regions: readonly string[];
  /** Regions a residency exception names, with the only services the roles reach there. */
  readonly exceptionRegions: readonly { readonly region: string; readonly services: readonly string[] }[];
  /** `<app>-<env>`: names of roles, buckets and budgets start with it. */
  readonly prefix: string;
  /** `<app>/<env>/`: names of the app's secrets start with it. */
  readonly secretPrefix: string;
  /** IAM services the managed stacks use. */
  readonly services: readonly string[];
  readonly state: StateLocation;
  /** Roles both CI roles may assume (`state.roleArn`). */
  readonly assumableRoleArns: readonly string[];
}

const inRegions = (regions: readonly string[]) => ({ StringEquals: { "aws:RequestedRegion": [...regions] } });
const isRegional = (service: string) => !SCOPED_SERVICES.includes(service) && !GLOBAL_SERVICES.includes(service);
const regional = (s: DeliveryScope) => s.services.filter(isRegional);
const global = (s: DeliveryScope) => s.services.filter((x) => GLOBAL_SERVICES.includes(x));
const uses = (s: DeliveryScope, service: string) => s.services.includes(service);
/** Every action of `services` (deploy), or their reads (Describe, Get, List). */
const actionsOf = (services: readonly string[], access: "read" | "deploy") =>
  access === "deploy" ? services.map((x) => `${x}:*`) : services.flatMap((x) => [`${x}:Describe*`, `${x}:Get*`, `${x}:List*`]);
const arns = (s: DeliveryScope) => ({
  roles: `arn:${s.partition}:iam::${s.accountId}:role/${s.prefix}-*`,
  buckets: `arn:${s.partition}:s3:::${s.prefix}-*`,
  secrets: `arn:${s.partition}:secretsmanager:*:${s.accountId}:secret:${s.secretPrefix}*`,
  budgets: `arn:${s.partition}:budgets::${s.accountId}:budget/${s.prefix}-*`,
  keys: `arn:${s.partition}:kms:*:${s.accountId}:key/*`,
});

/** Statements of the region-bound policy: every action of the regional services (deploy) or their reads (plan). */
export function regionalStatements(s: DeliveryScope, access: "read" | "deploy"): PolicyStatement[] {
  const services = regional(s);
  if (services.length === 0) return [];
  const statements: PolicyStatement[] = [
    {
      Sid: access === "deploy" ? "ManageRegionalServices" : "ReadRegionalServices",
      Effect: "Allow",
      Action: actionsOf(services, access),
      Resource: "*",
      Condition: inRegions(s.regions),
    },
  ];
  for (const [i, e] of s.exceptionRegions.entries()) {
    const services = e.services.filter(isRegional);
    if (services.length === 0) continue;
    statements.push({
      Sid: `${access === "deploy" ? "Manage" : "Read"}ExceptionRegion${i + 1}`,
      Effect: "Allow",
      Action: actionsOf(services, access),
      Resource: "*",
      Condition: inRegions([e.region]),
    });
  }
  const globals = global(s);
  if (globals.length > 0) {
    statements.push({
      Sid: access === "deploy" ? "ManageGlobalServices" : "ReadGlobalServices",
      Effect: "Allow",
      Action: actionsOf(globals, access),
      Resource: "*",
      Condition: inRegions([GLOBAL_API_REGION]),
    });
  }
  if (access === "read") statements.push({ Sid: "DenyDataReads", Effect: "Deny", Action: [...DATA_READS], Resource: "*" });
  return statements;
}

/** The ARN-scoped statements: the app's buckets, secrets, budgets and roles. */
export function scopedStatements(s: DeliveryScope, access: "read" | "deploy"): PolicyStatement[] {
  const a = arns(s);
  const deploy = access === "deploy";
  const out: PolicyStatement[] = [];
  if (uses(s, "s3")) {
    out.push({
      Sid: "AppBuckets",
      Effect: "Allow",
      Action: deploy ? [...BUCKET_READS, ...BUCKET_WRITES] : BUCKET_READS,
      Resource: a.buckets,
    });
  }
  if (uses(s, "secretsmanager")) {
    const read = ["secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy", "secretsmanager:GetSecretValue"];
    out.push({ Sid: "AppSecrets", Effect: "Allow", Action: deploy ? "secretsmanager:*" : read, Resource: a.secrets });
    if (!deploy) {
      // Refreshing a secret version decrypts it: only through Secrets Manager.
      out.push({
        Sid: "DecryptSecretsForRefresh",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: a.keys,
        Condition: viaService("secretsmanager"),
      });
    }
  }
  if (uses(s, "budgets")) {
    out.push({
      Sid: "AppBudgets",
      Effect: "Allow",
      Action: deploy ? "budgets:*" : ["budgets:ViewBudget", "budgets:ListTagsForResource"],
      Resource: a.budgets,
    });
  }
  if (uses(s, "iam")) {
    out.push({ Sid: "ReadAppRoles", Effect: "Allow", Action: ROLE_READS, Resource: a.roles });
    out.push({
      Sid: "ReadManagedPolicies",
      Effect: "Allow",
      Action: ["iam:GetPolicy", "iam:GetPolicyVersion"],
      Resource: awsManagedPolicyArn(s.partition, "*"),
    });
  }
  for (const role of s.assumableRoleArns) out.push({ Sid: "AssumeStateRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: role });
  return out;
}

/**
 * The deploy role's IAM: roles of the app only with the permissions boundary, passed only
 * to the services that use them, and nothing on the CI roles or the boundary themselves.
 */
export function roleManagementStatements(s: DeliveryScope, p: { boundaryArn: string; ciRoleArns: readonly string[] }): PolicyStatement[] {
  if (!uses(s, "iam")) return [];
  const a = arns(s);
  return [
    {
      Sid: "ChangeRolesWithBoundary",
      Effect: "Allow",
      Action: BOUNDED_ROLE_WRITES,
      Resource: a.roles,
      Condition: { StringEquals: { "iam:PermissionsBoundary": p.boundaryArn } },
    },
    {
      Sid: "AttachOnlyThePlatformsManagedPolicies",
      Effect: "Allow",
      Action: "iam:AttachRolePolicy",
      Resource: a.roles,
      Condition: {
        StringEquals: { "iam:PermissionsBoundary": p.boundaryArn },
        ArnEquals: { "iam:PolicyARN": ATTACHABLE_MANAGED_POLICIES.map((m) => awsManagedPolicyArn(s.partition, m)) },
      },
    },
    { Sid: "KeepAppRoles", Effect: "Allow", Action: ROLE_UPKEEP, Resource: a.roles },
    {
      Sid: "PassAppRolesToServices",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: a.roles,
      Condition: { StringEquals: { "iam:PassedToService": [...PASSED_TO_SERVICES] } },
    },
    {
      Sid: "CreateServiceLinkedRoles",
      Effect: "Allow",
      Action: "iam:CreateServiceLinkedRole",
      Resource: `arn:${s.partition}:iam::${s.accountId}:role/aws-service-role/*`,
      Condition: { StringEquals: { "iam:AWSServiceName": [...SERVICE_LINKED_ROLES] } },
    },
    { Sid: "DenyChangesToCiRoles", Effect: "Deny", Action: IAM_WRITES, Resource: [...p.ciRoleArns, p.boundaryArn] },
    { Sid: "DenyBoundaryRemoval", Effect: "Deny", Action: "iam:DeleteRolePermissionsBoundary", Resource: "*" },
  ];
}

/** The deploy role's denies on sharing data outside the account (`SHARING_OUTSIDE_THE_ACCOUNT`, KMS grants to principals). */
export function sharingDenies(): PolicyStatement[] {
  return [
    { Sid: "DenySharingOutsideTheAccount", Effect: "Deny", Action: [...SHARING_OUTSIDE_THE_ACCOUNT], Resource: "*" },
    DENY_KEY_GRANTS_TO_PRINCIPALS,
  ];
}

/**
 * State access: read every state object, write the app stack's state (deploy) or only its
 * lock (plan), use the state key; and, for the deploy role, no change to the backend itself.
 */
export function stateStatements(st: StateLocation, access: "lock" | "deploy"): PolicyStatement[] {
  const bucket = `arn:${st.partition}:s3:::${st.bucketName}`;
  const writable = [...(access === "deploy" ? [`${bucket}/${st.key}`] : []), ...(st.lockfile ? [`${bucket}/${st.key}.tflock`] : [])];
  const out: PolicyStatement[] = [
    { Sid: "ListState", Effect: "Allow", Action: "s3:ListBucket", Resource: bucket },
    { Sid: "ReadState", Effect: "Allow", Action: "s3:GetObject", Resource: `${bucket}/*` },
  ];
  if (writable.length > 0) {
    out.push({
      Sid: access === "deploy" ? "WriteState" : "WriteStateLock",
      Effect: "Allow",
      Action: ["s3:PutObject", "s3:DeleteObject"],
      Resource: writable,
    });
  }
  if (st.lockTableName) {
    out.push({
      Sid: "LockState",
      Effect: "Allow",
      Action: ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
      Resource: `arn:${st.partition}:dynamodb:${st.region}:${st.accountId}:table/${st.lockTableName}`,
    });
  }
  out.push({
    Sid: "UseStateKey",
    Effect: "Allow",
    Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
    Resource: `arn:${st.partition}:kms:${st.region}:${st.accountId}:key/*`,
    Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": st.kmsAlias } },
  });
  if (access === "deploy") {
    out.push({
      Sid: "DenyStateBackendChanges",
      Effect: "Deny",
      Action: STATE_BUCKET_CHANGES,
      Resource: [bucket, `arn:${st.partition}:s3:::${st.logBucketName}`],
    });
    out.push({
      Sid: "DenyStateKeyChanges",
      Effect: "Deny",
      Action: STATE_KEY_CHANGES,
      Resource: "*",
      Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": st.kmsAlias } },
    });
  }
  return out;
}
