import { S3Backend, type TerraformStack } from "cdktf";
import type { ResolvedEnvironment } from "../config/resolve";

/**
 * Point a stack's state at the environment's bootstrap: S3 bucket, encrypted with the
 * state key, locked by DynamoDB, S3 lockfile or both (config `state.locking`).
 */
export function useS3Backend(stack: TerraformStack, env: ResolvedEnvironment, key: string): S3Backend {
  const s = env.state;
  const backend = new S3Backend(stack, {
    bucket: s.bucketName,
    key,
    region: s.region,
    encrypt: true,
    kmsKeyId: `arn:${env.partition}:kms:${s.region}:${s.accountId}:${s.kmsAlias}`,
    ...(s.lockTableName && s.locking !== "s3" ? { dynamodbTable: s.lockTableName } : {}),
    ...(s.roleArn ? { assumeRole: { roleArn: s.roleArn, sessionName: `${env.app}-${env.env}-state` } } : {}),
  });
  if (s.locking === "s3" || s.locking === "both") {
    // cdktf 0.21's S3BackendConfig has no use_lockfile (Terraform >= 1.10), so it is set as an override.
    stack.addOverride("terraform.backend.s3.use_lockfile", true);
  }
  return backend;
}
