import type { Construct } from "constructs";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { ResolvedEnvironment } from "../config/resolve";
import { EncryptionKey } from "../constructs/encryption-key";
import { LockTable } from "../constructs/lock-table";
import { SecureBucket } from "../constructs/secure-bucket";
import { addAwsProvider } from "./aws-provider";
import { protectStatefulResources } from "./protection";
import { useS3Backend } from "./state-backend";

/**
 * The remote state backend of one environment: state key, access-log bucket, state
 * bucket and (unless locking is S3-only) the lock table. Its stateful resources are
 * protected (`state.preventDestroy`, true in every environment): losing state orphans
 * every resource of the environment.
 */
export class BootstrapStack extends TerraformStack {
  public readonly stateKey: EncryptionKey;
  public readonly stateBucket: SecureBucket;
  public readonly lockTable?: LockTable;

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

    this.stateKey = new EncryptionKey(this, "StateKey", {
      alias: s.kmsAlias,
      description: `Terraform state of ${env.app} ${env.env}`,
      accountId: s.accountId,
      region: s.region,
      partition: env.partition,
      deletionWindowDays: s.kmsDeletionWindowDays,
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
    });
    if (s.lockTableName) {
      this.lockTable = new LockTable(this, "LockTable", { tableName: s.lockTableName, kmsKeyArn: this.stateKey.keyArn });
    }

    new TerraformOutput(this, "state_bucket", { value: this.stateBucket.bucketName });
    new TerraformOutput(this, "state_kms_key_arn", { value: this.stateKey.keyArn });
    if (this.lockTable) new TerraformOutput(this, "lock_table", { value: this.lockTable.tableName });
  }
}
