import { Construct } from "constructs";
import { Lazy, type ITerraformDependable } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketNotification } from "@cdktf/provider-aws/lib/s3-bucket-notification";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { suppress } from "../guardrails/suppressions";
import type { AlarmMetric } from "./alarm-pair";
import type { Grantable } from "./grants";
import { denyInsecureTransport, denyWritesOutsideKey, policyDocument, sid, viaService, type PolicyStatement } from "./policy-document";
import { ServiceRole } from "./service-role";

/** Where a bucket's server access logs go, or that it is itself the access-log target. */
export type BucketLogging =
  /** Log every request to this bucket into `target` under `<bucketName>/`. */
  | { readonly target: SecureBucket }
  /**
   * This bucket receives S3 server access logs from buckets of `sourceAccountId`: only from
   * the buckets that name it as their `target`, listed in its policy. S3 log delivery
   * supports only SSE-S3 on the target, so the bucket is encrypted with SSE-S3 instead of
   * the CMK, and it does not log itself (that would loop).
   */
  | { readonly receivesAccessLogsFrom: { readonly sourceAccountId: string } };

export interface SecureBucketProps {
  /** Globally unique bucket name (`<app>-<env>-<component>-<account>`). */
  readonly bucketName: string;
  /**
   * ARN of the customer-managed KMS key for SSE-KMS (with S3 bucket keys). Required unless
   * the bucket receives access logs, where S3 allows only SSE-S3.
   */
  readonly kmsKeyArn?: string;
  /**
   * Encrypt with SSE-S3 instead of the CMK because the one service that writes here supports
   * nothing else (ALB access logs); this reason becomes the CKV_AWS_145/AWS-0132 suppression.
   * @default - SSE-KMS with `kmsKeyArn`
   */
  readonly sseS3Reason?: string;
  /** Access logging: required, so that no bucket is silently unlogged. */
  readonly logging: BucketLogging;
  /** Days a replaced (noncurrent) object version is kept before it expires. */
  readonly noncurrentVersionExpirationDays: number;
  /** Days after which current objects expire (log buckets). @default - objects never expire */
  readonly expirationDays?: number;
  /**
   * Send object events to EventBridge (no consumer is created; rules can be added later,
   * e.g. for malware scanning). Also what Checkov CKV2_AWS_62 asks for. @default true
   */
  readonly eventBridgeNotifications?: boolean;
  /** Move current objects to Glacier Flexible Retrieval after N days. @default - never */
  readonly glacierAfterDays?: number;
  /**
   * WORM: every new object version is locked for `days` in `mode`. Enabled at creation
   * (`aws_s3_bucket.object_lock_enabled`) unless `onExistingBucket`: then only the
   * `aws_s3_bucket_object_lock_configuration` enables it, which S3 allows on a versioned
   * bucket that already exists, and the bucket attribute, which would replace such a
   * bucket, stays unset. @default - no object lock
   */
  readonly objectLock?: { readonly mode: "GOVERNANCE" | "COMPLIANCE"; readonly days: number; readonly onExistingBucket?: boolean };
  /**
   * Replicate every object (and delete markers) to `bucket`, re-encrypted with `kmsKeyArn`
   * (a key in the replica's region), through a role named `roleName`.
   * @default - no replication (CKV_AWS_144 suppressed as single-region by design)
   */
  readonly replicateTo?: {
    readonly bucket: SecureBucket;
    readonly kmsKeyArn: string;
    readonly roleName: string;
    readonly accountId: string;
  };
  /**
   * This bucket is the destination of another bucket's replication. The replication
   * configuration then references it, which satisfies CKV_AWS_144 as the scanners read it.
   * @default false
   */
  readonly isReplica?: boolean;
  /**
   * Deny writes that ask for other encryption than `kmsKeyArn` (`denyWritesOutsideKey`): for
   * buckets only apps write to (AWS services that deliver logs name keys of their own).
   * @default false
   */
  readonly onlyItsKey?: boolean;
  /** Extra bucket policy statements (service deliveries such as CloudTrail). @default - none */
  readonly additionalPolicyStatements?: readonly PolicyStatement[];
  /** Create the bucket in this region rather than the provider's (a DR replica). @default - the provider's region */
  readonly region?: string;
}

/**
 * A hardened S3 bucket: SSE-KMS with the CMK and bucket keys, versioning, all public access
 * blocked, bucket-owner-enforced ownership (no ACLs), a policy that denies non-TLS and
 * TLS < 1.2 requests, access logging, lifecycle (abort multipart uploads, expire old
 * versions), force_destroy off.
 */
export class SecureBucket extends Construct {
  public readonly bucketId: string;
  public readonly bucketArn: string;
  public readonly bucketName: string;
  /** The bucket policy: depend on it before a service delivers into the bucket (CloudTrail checks it). */
  public readonly policyReady: ITerraformDependable;
  /** The Object Lock default retention, where set: deliveries made before it exists are not locked. */
  public readonly objectLockReady?: ITerraformDependable;
  /** Versioning: replication into or out of the bucket must wait for it. */
  public readonly versioningReady: ITerraformDependable;
  /** The replication rule, where the bucket replicates: what its failure metric is keyed by. */
  public readonly replication?: { readonly ruleId: string; readonly destinationBucketName: string };
  /** The region the bucket was placed in when not the provider's. */
  public readonly bucketRegion?: string;
  private readonly bucket: S3Bucket;
  private readonly kmsKeyArn?: string;
  /** ARNs of the buckets that deliver access logs here (a log target only). */
  private readonly accessLogSources?: string[];

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const isLogTarget = "receivesAccessLogsFrom" in props.logging;
    const here = props.region ? { region: props.region } : {};
    const sseS3 = isLogTarget || props.sseS3Reason !== undefined;
    if (!sseS3 && !props.kmsKeyArn) {
      throw new Error(`SecureBucket ${this.node.path}: \`kmsKeyArn\` is required (only an access-log target may use SSE-S3).`);
    }

    this.bucket = new S3Bucket(this, "Bucket", {
      bucket: props.bucketName,
      forceDestroy: false,
      objectLockEnabled: props.objectLock && !props.objectLock.onExistingBucket ? true : undefined,
      ...here,
    });
    this.bucketRegion = props.region;
    this.bucketId = this.bucket.id;
    this.kmsKeyArn = props.kmsKeyArn;
    this.bucketArn = this.bucket.arn;
    this.bucketName = this.bucket.bucket;

    new S3BucketPublicAccessBlock(this, "PublicAccessBlock", {
      bucket: this.bucket.id,
      ...here,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "OwnershipControls", {
      bucket: this.bucket.id,
      ...here,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    const versioning = (this.versioningReady = new S3BucketVersioningA(this, "Versioning", {
      bucket: this.bucket.id,
      ...here,
      versioningConfiguration: { status: "Enabled" },
    }));
    new S3BucketServerSideEncryptionConfigurationA(this, "Encryption", {
      bucket: this.bucket.id,
      ...here,
      rule: [
        sseS3
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
          : {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn },
              bucketKeyEnabled: true,
            },
      ],
    });

    const statements: PolicyStatement[] = [
      ...denyInsecureTransport("s3", [this.bucket.arn, `${this.bucket.arn}/*`]),
      ...(props.onlyItsKey && props.kmsKeyArn ? denyWritesOutsideKey(`${this.bucket.arn}/*`, props.kmsKeyArn) : []),
      ...(props.additionalPolicyStatements ?? []),
    ];
    let logDelivery = (): PolicyStatement[] => [];
    if ("receivesAccessLogsFrom" in props.logging) {
      this.accessLogSources = [];
      const { sourceAccountId } = props.logging.receivesAccessLogsFrom;
      logDelivery = () => this.logDeliveryStatements(sourceAccountId);
    } else {
      props.logging.target.acceptAccessLogsFrom(this);
      new S3BucketLoggingA(this, "Logging", {
        bucket: this.bucket.id,
        ...here,
        targetBucket: props.logging.target.bucketId,
        targetPrefix: `${props.bucketName}/`,
      });
    }
    // Rendered at synth, once every bucket that logs here has named this one as its target.
    this.policyReady = new S3BucketPolicy(this, "Policy", {
      bucket: this.bucket.id,
      policy: Lazy.stringValue({ produce: () => policyDocument([...statements, ...logDelivery()]) }),
      ...here,
    });

    new S3BucketLifecycleConfiguration(this, "Lifecycle", {
      bucket: this.bucket.id,
      ...here,
      rule: [
        {
          id: "baseline",
          status: "Enabled",
          filter: [{}],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionExpirationDays }],
          ...(props.expirationDays !== undefined ? { expiration: [{ days: props.expirationDays }] } : {}),
          ...(props.glacierAfterDays !== undefined ? { transition: [{ days: props.glacierAfterDays, storageClass: "GLACIER" }] } : {}),
        },
      ],
    });

    if (props.objectLock) {
      const { mode, days, onExistingBucket } = props.objectLock;
      this.objectLockReady = new S3BucketObjectLockConfigurationA(this, "ObjectLock", {
        bucket: this.bucket.id,
        rule: { defaultRetention: { mode, days } },
        // S3 enables lock on an existing bucket only once versioning is on.
        ...(onExistingBucket ? { objectLockEnabled: "Enabled", dependsOn: [versioning] } : {}),
        ...here,
      });
    }
    if (props.replicateTo) this.replication = this.replicate(props, props.replicateTo, versioning);

    if (isLogTarget) {
      // Trivy (AWS-0132) already exempts buckets whose policy admits logging.s3.amazonaws.com.
      suppress(
        this,
        "CKV_AWS_145",
        "S3 server access log delivery supports only SSE-S3 (AES256) on the target bucket; it holds access logs, not app data, and " +
          "denies non-TLS requests.",
        { scanners: ["checkov"] },
      );
    }
    if (props.sseS3Reason) {
      suppress(this, "CKV_AWS_145", props.sseS3Reason, { scanners: ["checkov"] });
      suppress(this, "AWS-0132", props.sseS3Reason, { scanners: ["trivy"] });
    }
    if (!props.replicateTo && !props.isReplica) {
      suppress(
        this,
        "CKV_AWS_144",
        "Not replicated to another region: S3 keeps it across the region's availability zones; versioning and " +
          "noncurrent-version retention protect its objects against deletion, and prevent_destroy the bucket where the " +
          "environment sets protection.preventDestroy; a regional outage makes it unavailable until the region recovers, not lost.",
      );
    }

    if (props.eventBridgeNotifications ?? true) {
      new S3BucketNotification(this, "Notification", { bucket: this.bucket.id, eventbridge: true });
    }
  }

  /** Admit S3 server access logs of `source` (called by a bucket that names this one its log target). */
  acceptAccessLogsFrom(source: SecureBucket): void {
    if (!this.accessLogSources)
      throw new Error(
        `SecureBucket ${this.node.path}: is not an access-log target (\`logging.receivesAccessLogsFrom\`), ` +
          `so ${source.node.path} cannot log into it.`,
      );
    this.accessLogSources.push(source.bucketArn);
  }

  /**
   * S3 log delivery from the listed source buckets of the account. Lists, not strings:
   * Trivy recognises a log-delivery target (and then exempts it from AWS-0089/AWS-0132) with
   * `"logging.s3.amazonaws.com" in Principal.Service` and `"s3:PutObject" in Action`, which
   * Rego's `in` only matches on arrays. No source, no statement.
   */
  private logDeliveryStatements(sourceAccountId: string): PolicyStatement[] {
    const sources = this.accessLogSources ?? [];
    if (sources.length === 0) return [];
    return [
      {
        Sid: "AllowS3ServerAccessLogDelivery",
        Effect: "Allow",
        Principal: { Service: ["logging.s3.amazonaws.com"] },
        Action: ["s3:PutObject"],
        Resource: `${this.bucketArn}/*`,
        Condition: { StringEquals: { "aws:SourceAccount": sourceAccountId }, ArnLike: { "aws:SourceArn": [...sources] } },
      },
    ];
  }

  /** Let `grantee` list the bucket and read objects, decrypting them with the bucket's key through S3. */
  grantRead(grantee: Grantable): void {
    grantee.addToPolicy(...this.readObjects(), ...this.keyStatements(["kms:Decrypt"]));
  }

  /** Let `grantee` write objects, encrypting them with the bucket's key through S3 (multipart uploads also decrypt). */
  grantWrite(grantee: Grantable): void {
    grantee.addToPolicy(...this.writeObjects(), ...this.keyStatements(["kms:GenerateDataKey", "kms:Decrypt"]));
  }

  /** Both: the grantee's policy merges the key statements into one. */
  grantReadWrite(grantee: Grantable): void {
    this.grantRead(grantee);
    this.grantWrite(grantee);
  }

  private readObjects(): PolicyStatement[] {
    return [
      { Sid: sid("List", this.node.id), Effect: "Allow", Action: "s3:ListBucket", Resource: this.bucketArn },
      { Sid: sid("Read", this.node.id), Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `${this.bucketArn}/*` },
    ];
  }

  private writeObjects(): PolicyStatement[] {
    return [
      {
        Sid: sid("Write", this.node.id),
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:AbortMultipartUpload"],
        Resource: `${this.bucketArn}/*`,
      },
    ];
  }

  /** The bucket's key, usable only through S3 (not to decrypt anything else it protects). */
  private keyStatements(actions: string[]): PolicyStatement[] {
    if (!this.kmsKeyArn) return [];
    return [
      { Sid: sid("UseKeyOf", this.node.id), Effect: "Allow", Action: actions, Resource: this.kmsKeyArn, Condition: viaService("s3") },
    ];
  }

  /**
   * Failed replication operations of this bucket's rule (S3 replication metrics, Sum per
   * period), for an alarm: a DR copy that silently stops is worse than none.
   * @returns undefined when the bucket does not replicate
   */
  replicationFailureMetric(): AlarmMetric | undefined {
    if (!this.replication) return undefined;
    return {
      namespace: "AWS/S3",
      metricName: "OperationsFailedReplication",
      statistic: "Sum",
      dimensions: {
        SourceBucket: this.bucketName,
        DestinationBucket: this.replication.destinationBucketName,
        RuleId: this.replication.ruleId,
      },
    };
  }

  /**
   * Replication role (least privilege on both buckets and keys; Object Lock retention and
   * legal holds where the source locks objects, or locked objects silently do not
   * replicate) and configuration with replication metrics. Waits for versioning on both
   * sides (S3 rejects the configuration otherwise) and for the role's policy.
   */
  private replicate(
    props: SecureBucketProps,
    to: NonNullable<SecureBucketProps["replicateTo"]>,
    versioning: S3BucketVersioningA,
  ): NonNullable<SecureBucket["replication"]> {
    const ruleId = "replicate-everything";
    const lockActions = props.objectLock ? ["s3:GetObjectRetention", "s3:GetObjectLegalHold"] : [];
    const role = new ServiceRole(this, "ReplicationRole", {
      roleName: to.roleName,
      service: "s3.amazonaws.com",
      sourceAccountId: to.accountId,
      description: `Replicates ${props.bucketName} to ${to.bucket.bucketRegion ?? "its replica"}`,
      statements: [
        {
          Sid: "ReadReplicationConfiguration",
          Effect: "Allow",
          Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
          Resource: this.bucketArn,
        },
        {
          Sid: "ReadSourceVersions",
          Effect: "Allow",
          Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging", ...lockActions],
          Resource: `${this.bucketArn}/*`,
        },
        {
          Sid: "WriteReplicas",
          Effect: "Allow",
          Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
          Resource: `${to.bucket.bucketArn}/*`,
        },
        { Sid: "DecryptSource", Effect: "Allow", Action: "kms:Decrypt", Resource: props.kmsKeyArn! },
        { Sid: "EncryptReplica", Effect: "Allow", Action: ["kms:Encrypt", "kms:GenerateDataKey"], Resource: to.kmsKeyArn },
      ],
    });
    new S3BucketReplicationConfigurationA(this, "Replication", {
      bucket: this.bucket.id,
      role: role.roleArn,
      rule: [
        {
          id: ruleId,
          status: "Enabled",
          filter: {},
          deleteMarkerReplication: { status: "Enabled" },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
          destination: {
            bucket: to.bucket.bucketArn,
            storageClass: "STANDARD",
            encryptionConfiguration: { replicaKmsKeyId: to.kmsKeyArn },
            // No event threshold: S3 rejects one without Replication Time Control.
            metrics: { status: "Enabled" },
          },
        },
      ],
      dependsOn: [versioning, to.bucket.versioningReady, role.policyReady],
      ...(props.region ? { region: props.region } : {}),
    });
    return { ruleId, destinationBucketName: to.bucket.bucketName };
  }
}
