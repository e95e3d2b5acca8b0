import { Construct } from "constructs";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import type { Grantable } from "./grants";
import { ALARM_TOPIC_PUBLISHERS, policyDocument, sid, topicPublisherKeyStatement, type PolicyStatement } from "./policy-document";

/** AWS services that call KMS with their own service principal (not the caller's IAM identity). */
export enum KeyServiceUser {
  /** CloudWatch Logs encrypting log groups of this account and region. */
  CLOUDWATCH_LOGS = "logs",
  /**
   * Services that publish to the CMK-encrypted alarm topic: CloudWatch alarms and AWS
   * Budgets. They need GenerateDataKey/Decrypt for SNS.
   */
  TOPIC_PUBLISHERS = "topic-publishers",
}

export interface EncryptionKeyProps {
  /** Alias, `alias/<app>-<env>-<purpose>`. */
  readonly alias: string;
  /** What the key protects, shown in the console. */
  readonly description: string;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  /** Waiting period before a scheduled deletion takes effect (7-30). */
  readonly deletionWindowDays: number;
  /** Services allowed to use the key through their service principal. @default - none: only IAM principals of the account */
  readonly serviceUsers?: readonly KeyServiceUser[];
  /**
   * Let the account's IAM policies grant cryptographic use of the key (Encrypt, Decrypt,
   * GenerateDataKey...). When false, IAM only administers the key (create, describe,
   * enable, disable, put policy, tag, schedule deletion...), and only the key policy's
   * own statements may use it: an IAM policy granting kms:Decrypt on it has no effect.
   * @default true
   */
  readonly iamGrantsUse?: boolean;
  /**
   * Statements added to the key policy (named readers, a service scoped to one resource, a Deny to all but named roles).
   * @default - none
   */
  readonly additionalPolicyStatements?: readonly PolicyStatement[];
  /**
   * Create the key in `region` although the provider's region differs (a DR replica key).
   * @default false: the provider's region, which must then equal `region`
   */
  readonly placeInRegion?: boolean;
  /**
   * Write the key policy as its own aws_kms_key_policy, so a statement may name a resource
   * that itself depends on the key (a distribution reading a bucket encrypted with it)
   * without a dependency cycle. Until it applies, the new key has AWS's default policy.
   * @default false: the policy is inline in the key
   */
  readonly policyAsResource?: boolean;
}

/**
 * Key management without cryptographic use: what AWS's default key-administrator statement
 * allows, except kms:CreateGrant (a grant would hand out the use the policy withholds).
 */
const KEY_ADMIN_ACTIONS = [
  "kms:CreateAlias",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
] as const;

/**
 * A symmetric customer-managed KMS key with yearly rotation, an explicit key policy
 * (the account administers it through IAM; named services may use it) and an alias.
 */
export class EncryptionKey extends Construct {
  public readonly keyArn: string;
  public readonly keyId: string;
  public readonly aliasName: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    if (props.deletionWindowDays < 7 || props.deletionWindowDays > 30) {
      throw new Error(`EncryptionKey ${this.node.path}: \`deletionWindowDays\` must be 7-30 (got ${props.deletionWindowDays}).`);
    }
    const statements: PolicyStatement[] = [
      {
        Sid: "AccountAdministersKeyThroughIam",
        Effect: "Allow",
        Principal: { AWS: `arn:${props.partition}:iam::${props.accountId}:root` },
        Action: (props.iamGrantsUse ?? true) ? "kms:*" : [...KEY_ADMIN_ACTIONS],
        Resource: "*",
      },
      ...(props.serviceUsers ?? []).map((s) => serviceStatement(s, props)),
      ...(props.additionalPolicyStatements ?? []),
    ];
    const key = new KmsKey(this, "Key", {
      description: props.description,
      enableKeyRotation: true,
      isEnabled: true,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      deletionWindowInDays: props.deletionWindowDays,
      policy: props.policyAsResource ? undefined : policyDocument(statements),
      ...(props.placeInRegion ? { region: props.region } : {}),
    });
    if (props.policyAsResource) {
      new KmsKeyPolicy(this, "Policy", {
        keyId: key.keyId,
        policy: policyDocument(statements),
        ...(props.placeInRegion ? { region: props.region } : {}),
      });
    }
    const alias = new KmsAlias(this, "Alias", {
      name: props.alias,
      targetKeyId: key.keyId,
      ...(props.placeInRegion ? { region: props.region } : {}),
    });
    this.keyArn = key.arn;
    this.keyId = key.keyId;
    this.aliasName = alias.name;
  }

  /** Let `grantee` encrypt and decrypt application data with this key directly (field-level encryption). */
  grantEncryptDecrypt(grantee: Grantable): void {
    grantee.addToPolicy({
      Sid: sid("UseKey", this.node.id),
      Effect: "Allow",
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
      Resource: this.keyArn,
    });
  }
}

function serviceStatement(service: KeyServiceUser, p: EncryptionKeyProps): PolicyStatement {
  const sameAccount = { StringEquals: { "aws:SourceAccount": p.accountId } };
  switch (service) {
    case KeyServiceUser.TOPIC_PUBLISHERS:
      return topicPublisherKeyStatement("AllowPublishersToEncryptedTopics", { services: ALARM_TOPIC_PUBLISHERS, condition: sameAccount });
    case KeyServiceUser.CLOUDWATCH_LOGS:
      return cloudWatchLogsStatement(p);
  }
}

/**
 * Fargate encrypting the ephemeral storage of the tasks of one ECS cluster (its
 * `fargate_ephemeral_storage_kms_key_id`): data keys without plaintext, and grants for
 * decryption only, both bound to the cluster by the encryption context Fargate sends.
 */
export function fargateEphemeralStorageStatements(p: { accountId: string; clusterName: string }): PolicyStatement[] {
  const cluster = {
    "kms:EncryptionContext:aws:ecs:clusterAccount": p.accountId,
    "kms:EncryptionContext:aws:ecs:clusterName": p.clusterName,
  };
  const fargate = { Effect: "Allow" as const, Principal: { Service: "fargate.amazonaws.com" }, Resource: "*" };
  return [
    {
      Sid: "AllowFargateEphemeralStorageDataKeys",
      ...fargate,
      Action: "kms:GenerateDataKeyWithoutPlaintext",
      Condition: { StringEquals: cluster },
    },
    {
      Sid: "AllowFargateEphemeralStorageDecryptGrants",
      ...fargate,
      Action: "kms:CreateGrant",
      Condition: { StringEquals: cluster, "ForAllValues:StringEquals": { "kms:GrantOperations": ["Decrypt"] } },
    },
  ];
}

/**
 * CloudWatch Logs of the key's region encrypting the account's log groups whose ARN
 * matches `logGroups` (`log-group:<name>` for one group). @default logGroups - every group
 */
export function cloudWatchLogsStatement(p: { accountId: string; region: string; partition: string }, logGroups = "*"): PolicyStatement {
  return {
    Sid: "AllowCloudWatchLogs",
    Effect: "Allow",
    Principal: { Service: `logs.${p.region}.amazonaws.com` },
    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    Resource: "*",
    Condition: {
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${p.partition}:logs:${p.region}:${p.accountId}:${logGroups}` },
    },
  };
}
