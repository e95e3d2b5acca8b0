import type { Construct } from "constructs";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { ResolvedEnvironment, ResolvedState } from "../config/resolve";
import { EncryptionKey } from "../constructs/encryption-key";
import { GitHubDelivery } from "../constructs/github-delivery";
import { LockTable } from "../constructs/lock-table";
import { denyUnlessPrincipal, type PolicyStatement } from "../constructs/policy-document";
import { SecureBucket } from "../constructs/secure-bucket";
import { addAwsProvider } from "./aws-provider";
import { protectStatefulResources } from "./protection";
import { useS3Backend } from "./state-backend";

/** What reads or writes state objects: denied to everyone but the admitted roles. */
const STATE_OBJECT_ACTIONS = [
  "s3:GetObject*",
  "s3:PutObject*",
  "s3:DeleteObject*",
  "s3:ListBucket*",
  "s3:ListMultipartUploadParts",
  "s3:AbortMultipartUpload",
];
/** What encrypts or decrypts with the state key (state objects, lock table). */
const STATE_KEY_ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"];

/**
 * The roles admitted to state: the Terraform principals plus the break-glass role. None
 * when no Terraform principal is named: the break-glass role alone would lock Terraform out.
 */
function admittedToState(s: ResolvedState): string[] {
  if (s.principalArns.length === 0) return [];
  return [...new Set([...s.principalArns, ...(s.breakGlassRoleArn ? [s.breakGlassRoleArn] : [])])];
}

/** The warning synth prints when an environment's state is open to the account's IAM principals. */
export function stateAccessWarning(env: ResolvedEnvironment): string | undefined {
  if (admittedToState(env.state).length > 0) return undefined;
  const at = `environments.${env.env}`;
  return (
    `warning: ${env.stackNames.bootstrap}: the state bucket and key are open to every IAM principal of ` +
    `account ${env.state.accountId} with S3 and KMS rights; set ${at}.deployRoleArn, ${at}.state.roleArn ` +
    `or ${at}.state.principalArns to admit only the roles that run Terraform`
  );
}

/**
 * The warning synth prints when only the GitHub CI roles may use state (`delivery.github`
 * with no break-glass role): the first bootstrap apply runs with an administrator's own
 * credentials and local state, and then the state migration into the bucket, any plan or
 * apply run by a person, and every repair would be refused.
 */
export function stateLockoutWarning(env: ResolvedEnvironment): string | undefined {
  const ci = env.delivery ? [env.delivery.plan.roleArn, env.delivery.deploy.roleArn] : [];
  const admitted = admittedToState(env.state);
  if (ci.length === 0 || admitted.length === 0 || admitted.some((arn) => !ci.includes(arn))) return undefined;
  return (
    `warning: ${env.stackNames.bootstrap}: only the GitHub CI roles may use the state bucket and key, so moving the ` +
    "bootstrap's state into its bucket after the first apply, and any plan or apply you run yourself, would be refused; " +
    `set environments.${env.env}.state.breakGlassRoleArn to the role you apply with (an IAM Identity Center role ` +
    "with its path: arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_...)"
  );
}

/**
 * The remote state backend of one environment: state key, access-log bucket, state
 * bucket and (unless locking is S3-only) the lock table. Its stateful resources are
 * protected (`state.preventDestroy`, true in every environment): losing state orphans
 * every resource of the environment.
 *
 * When the environment names the roles that run Terraform (`state.principalArns`, by
 * default its deploy and state roles), the state bucket and key deny object access and
 * cryptographic use to every other IAM principal.
 */
export class BootstrapStack extends TerraformStack {
  public readonly stateKey: EncryptionKey;
  public readonly stateBucket: SecureBucket;
  public readonly lockTable?: LockTable;
  /** GitHub OIDC provider and CI roles, when configured and the state lives in the environment's account. */
  public readonly delivery?: GitHubDelivery;

  constructor(scope: Construct, env: ResolvedEnvironment) {
    super(scope, env.stackNames.bootstrap);
    const s = env.state;
    addAwsProvider(this, {
      region: s.region,
      accountId: s.accountId,
      roleArn: s.roleArn,
      tags: env.tags,
      sessionName: `${env.stackNames.bootstrap}-deploy`,
    });
    if (s.bootstrapBackend === "s3") useS3Backend(this, env, s.bootstrapKey);
    else new LocalBackend(this, { path: s.bootstrapLocalStatePath });
    protectStatefulResources(this, s.preventDestroy);

    const admitted = admittedToState(s);
    const onlyAdmitted = (sid: string, actions: string[], resources: string | string[]): PolicyStatement[] =>
      admitted.length > 0 ? [denyUnlessPrincipal(sid, admitted, actions, resources)] : [];
    // A literal ARN: the bucket does not exist yet when its policy statements are built.
    const bucketArn = `arn:${env.partition}:s3:::${s.bucketName}`;

    this.stateKey = new EncryptionKey(this, "StateKey", {
      alias: s.kmsAlias,
      description: `Terraform state of ${env.app} ${env.env}`,
      accountId: s.accountId,
      region: s.region,
      partition: env.partition,
      deletionWindowDays: s.kmsDeletionWindowDays,
      additionalPolicyStatements: onlyAdmitted("DenyKeyUseExceptTerraformRoles", STATE_KEY_ACTIONS, "*"),
    });
    const accessLogs = new SecureBucket(this, "StateAccessLogBucket", {
      bucketName: s.logBucketName,
      logging: { receivesAccessLogsFrom: { sourceAccountId: s.accountId } },
      noncurrentVersionExpirationDays: env.settings.storage.noncurrentVersionExpirationDays,
      expirationDays: env.settings.storage.accessLogExpirationDays,
    });
    this.stateBucket = new SecureBucket(this, "StateBucket", {
      bucketName: s.bucketName,
      kmsKeyArn: this.stateKey.keyArn,
      logging: { target: accessLogs },
      noncurrentVersionExpirationDays: env.settings.storage.noncurrentVersionExpirationDays,
      additionalPolicyStatements: onlyAdmitted("DenyStateAccessExceptTerraformRoles", STATE_OBJECT_ACTIONS, [bucketArn, `${bucketArn}/*`]),
    });
    if (s.lockTableName) {
      this.lockTable = new LockTable(this, "LockTable", { tableName: s.lockTableName, kmsKeyArn: this.stateKey.keyArn });
    }

    if (env.delivery && !env.delivery.ownStack) {
      this.delivery = addGitHubDelivery(this, env);
    }

    new TerraformOutput(this, "state_bucket", { value: this.stateBucket.bucketName });
    new TerraformOutput(this, "state_kms_key_arn", { value: this.stateKey.keyArn });
    if (this.lockTable) new TerraformOutput(this, "lock_table", { value: this.lockTable.tableName });
  }
}

/** The environment's GitHub delivery (`delivery.github`) in `scope`: OIDC provider, CI roles, boundary, and their outputs. */
export function addGitHubDelivery(scope: Construct, env: ResolvedEnvironment): GitHubDelivery {
  const s = env.state;
  const delivery = new GitHubDelivery(scope, "GitHubDelivery", {
    delivery: env.delivery!,
    partition: env.partition,
    accountId: env.accountId,
    regions: env.allowedRegions,
    // Outside the allowed regions, only the services of what a named exception places there.
    exceptionRegions: env.residencyExceptions.map((e) => ({ region: e.region, resourceTypes: e.resourceTypes })),
    prefix: env.names.prefix,
    secretPrefix: `${env.app}/${env.env}/`,
    state: {
      partition: env.partition,
      accountId: s.accountId,
      region: s.region,
      bucketName: s.bucketName,
      logBucketName: s.logBucketName,
      key: s.key,
      lockTableName: s.locking === "s3" ? undefined : s.lockTableName,
      lockfile: s.locking !== "dynamodb",
      kmsAlias: s.kmsAlias,
    },
  });
  new TerraformOutput(scope, "github_plan_role_arn", { value: delivery.planRole.roleArn });
  new TerraformOutput(scope, "github_deploy_role_arn", { value: delivery.deployRole.roleArn });
  const plan = env.delivery!.planEnvironment;
  // What to create in GitHub for the plan role's trust: the environment and its deployment branches.
  new TerraformOutput(scope, "github_plan_environment", { value: `${plan.name} (deployment branches: ${plan.branches})` });
  return delivery;
}
