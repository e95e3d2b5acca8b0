import type { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import type { ResolvedEnvironment } from "../config/resolve";
import { EncryptionKey, KeyServiceUser } from "../constructs/encryption-key";
import { SecureBucket } from "../constructs/secure-bucket";
import { addAwsProvider } from "./aws-provider";
import { useS3Backend } from "./state-backend";

/**
 * One app in one environment, its state in the environment's bootstrap backend.
 * Composes the environment's data key, its access-log bucket and the data buckets.
 * Data bucket construct ids are `DataBucket-<name>`: the config name is the bucket's identity
 * (renaming it in config renames the AWS bucket too, so it is a replacement either way).
 */
export class AppStack extends TerraformStack {
  public readonly dataKey: EncryptionKey;
  public readonly accessLogBucket: SecureBucket;
  public readonly dataBuckets: Readonly<Record<string, SecureBucket>>;

  constructor(scope: Construct, env: ResolvedEnvironment) {
    super(scope, env.stackNames.app);
    addAwsProvider(this, {
      region: env.region,
      accountId: env.accountId,
      roleArn: env.deployRoleArn,
      tags: env.tags,
      sessionName: `${env.stackNames.app}-deploy`,
    });
    useS3Backend(this, env, env.state.key);

    const protect = env.settings.protection.preventDestroy;
    this.dataKey = new EncryptionKey(this, "DataKey", {
      alias: env.names.dataKeyAlias,
      description: `Data at rest of ${env.app} ${env.env}`,
      accountId: env.accountId,
      region: env.region,
      partition: env.partition,
      deletionWindowDays: env.settings.kms.deletionWindowDays,
      serviceUsers: [KeyServiceUser.CLOUDWATCH_LOGS],
      preventDestroy: protect,
    });
    this.accessLogBucket = new SecureBucket(this, "AccessLogBucket", {
      bucketName: env.names.accessLogBucket,
      logging: { receivesAccessLogsFrom: { sourceAccountId: env.accountId, partition: env.partition } },
      noncurrentVersionExpirationDays: env.settings.storage.noncurrentVersionExpirationDays,
      expirationDays: env.settings.storage.accessLogExpirationDays,
      preventDestroy: protect,
    });
    const buckets: Record<string, SecureBucket> = {};
    for (const b of env.buckets) {
      buckets[b.name] = new SecureBucket(this, `DataBucket-${b.name}`, {
        bucketName: b.bucketName,
        kmsKeyArn: this.dataKey.keyArn,
        logging: { target: this.accessLogBucket },
        noncurrentVersionExpirationDays: env.settings.storage.noncurrentVersionExpirationDays,
        preventDestroy: protect,
      });
    }
    this.dataBuckets = buckets;
  }
}
