/**
 * IAM policy documents as plain data, rendered to the JSON string resources take.
 * Tokens (`bucket.arn`) inside render as `${aws_s3_bucket.x.arn}` references, which keeps
 * the graph edges the scanners follow.
 */

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: "*" | Record<string, string | string[]>;
  readonly Action: string | string[];
  /** Omitted in trust policies. */
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/**
 * Services that publish alarms and notices to the environment's encrypted alarm topic:
 * the topic policy lets them publish and the key policy lets them encrypt for it.
 * CloudTrail is not one: its log-file notifications go to the trail's own delivery topic.
 */
export const ALARM_TOPIC_PUBLISHERS: readonly string[] = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"];

/**
 * AWS services that publish to a CMK-encrypted topic, and the condition that narrows them
 * to this account (`aws:SourceAccount`) or to its resources (`aws:SourceArn`). The topic
 * policy lets them publish; the key policy, through `topicPublisherKeyStatement`, lets
 * them encrypt for it.
 */
export interface TopicPublisher {
  /** Statement id in the topic policy. */
  readonly sid: string;
  readonly services: readonly string[];
  readonly condition: NonNullable<PolicyStatement["Condition"]>;
}

/**
 * This account's EventBridge rules in `region` whose names start with `rulePrefix`
 * (`<app>-<env>-`): the security alerts that publish to the alarm topic. A rule of
 * another account, region or environment cannot publish.
 */
export function eventRulePublisher(p: { partition: string; region: string; accountId: string; rulePrefix: string }): TopicPublisher {
  const rules = `arn:${p.partition}:events:${p.region}:${p.accountId}:rule/${p.rulePrefix}*`;
  return {
    sid: "AllowEventRulesToPublish",
    services: ["events.amazonaws.com"],
    condition: { StringEquals: { "aws:SourceAccount": p.accountId }, ArnLike: { "aws:SourceArn": rules } },
  };
}

/** Key policy statement: what SNS needs of `publisher` to publish to a topic under the key. */
export function topicPublisherKeyStatement(Sid: string, publisher: Omit<TopicPublisher, "sid">): PolicyStatement {
  return {
    Sid,
    Effect: "Allow",
    Principal: { Service: [...publisher.services] },
    Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
    Resource: "*",
    Condition: publisher.condition,
  };
}

/** Key policy statements for topic publishers, each named after its topic statement (`<sid>ToTopics`). */
export const publisherKeyStatements = (publishers: readonly TopicPublisher[]): PolicyStatement[] =>
  publishers.map((p) => topicPublisherKeyStatement(`${p.sid}ToTopics`, p));

/**
 * Deny object writes that ask S3 for other encryption than the bucket's key: SSE-S3 or
 * DSSE (`x-amz-server-side-encryption` other than aws:kms), another KMS key, or aws:kms
 * without a key (S3 then uses the AWS managed aws/s3 key). An object stored so would escape
 * the key's policy, its CloudTrail record and its disabling. A write that names no
 * encryption takes the bucket's default (this key), as does a write naming this key's ARN.
 * PutObject also authorizes multipart uploads and copies.
 */
export function denyWritesOutsideKey(objects: string, keyArn: string): PolicyStatement[] {
  const SSE = "s3:x-amz-server-side-encryption";
  const KEY = "s3:x-amz-server-side-encryption-aws-kms-key-id";
  const deny = (Sid: string, Condition: Record<string, Record<string, string>>): PolicyStatement => ({
    Sid,
    Effect: "Deny",
    Principal: "*",
    Action: "s3:PutObject",
    Resource: objects,
    Condition,
  });
  return [
    deny("DenyOtherEncryption", { Null: { [SSE]: "false" }, StringNotEquals: { [SSE]: "aws:kms" } }),
    deny("DenyOtherKey", { Null: { [KEY]: "false" }, StringNotEquals: { [KEY]: keyArn } }),
    deny("DenyManagedKey", { StringEquals: { [SSE]: "aws:kms" }, Null: { [KEY]: "true" } }),
  ];
}

/** Deny any request that is not TLS 1.2+ on the given resources (HIPAA 164.312(e)(1)). */
export function denyInsecureTransport(service: "s3" | "sns" | "sqs", resources: string[]): PolicyStatement[] {
  const Action = `${service}:*`;
  const statements: PolicyStatement[] = [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action,
      Resource: resources,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ];
  if (service === "s3") {
    statements.push({
      Sid: "DenyOutdatedTls",
      Effect: "Deny",
      Principal: "*",
      Action,
      Resource: resources,
      Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
    });
  }
  return statements;
}

/**
 * Deny KMS grants to IAM principals: a grant lets its grantee use the key outside the key
 * policy. Grants AWS services create for their own resources (kms:GrantIsForAWSResource) pass.
 */
export const DENY_KEY_GRANTS_TO_PRINCIPALS: PolicyStatement = {
  Sid: "DenyKeyGrantsToPrincipals",
  Effect: "Deny",
  Action: "kms:CreateGrant",
  Resource: "*",
  Condition: { Bool: { "kms:GrantIsForAWSResource": "false" } },
};

/**
 * What would share the app's data outside the account, which no Terraform run of the
 * platform does: snapshot and image sharing, secret resource policies, registry policies.
 * Denied to the deploy role (with KMS grants to principals) and, among more, by the apps'
 * permissions boundary.
 */
export const SHARING_OUTSIDE_THE_ACCOUNT: readonly string[] = [
  "rds:ModifyDBSnapshotAttribute",
  "rds:ModifyDBClusterSnapshotAttribute",
  "ec2:ModifySnapshotAttribute",
  "ec2:ModifyImageAttribute",
  "secretsmanager:PutResourcePolicy",
  "ecr:SetRepositoryPolicy",
];

/** Use a key only through one AWS service (`kms:ViaService`), in any region of the partition. */
export function viaService(service: "s3" | "secretsmanager"): NonNullable<PolicyStatement["Condition"]> {
  return { StringLike: { "kms:ViaService": `${service}.*.amazonaws.com` } };
}

/** A statement id from a construct id: IAM allows only letters and digits. */
export function sid(...parts: string[]): string {
  return parts
    .join("-")
    .replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, "");
}

/**
 * Deny `actions` on `resources` to every IAM principal whose ARN is not in `admitted`.
 * A condition on aws:PrincipalArn rather than a NotPrincipal, so the roles need not exist
 * yet. AWS services acting with their own service principal have no aws:PrincipalArn
 * (which would make ArnNotLike true), so aws:PrincipalIsAWSService keeps them out of it.
 */
export function denyUnlessPrincipal(
  statementId: string,
  admitted: readonly string[],
  actions: string[],
  resources: string | string[],
): PolicyStatement {
  return {
    Sid: statementId,
    Effect: "Deny",
    Principal: "*",
    Action: actions,
    Resource: resources,
    Condition: {
      ArnNotLike: { "aws:PrincipalArn": [...admitted] },
      Bool: { "aws:PrincipalIsAWSService": "false" },
    },
  };
}
