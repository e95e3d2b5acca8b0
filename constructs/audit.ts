import { Construct } from "constructs";
import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule";
import { ConfigConfigurationRecorder } from "@cdktf/provider-aws/lib/config-configuration-recorder";
import { ConfigConfigurationRecorderStatus } from "@cdktf/provider-aws/lib/config-configuration-recorder-status";
import { ConfigDeliveryChannel } from "@cdktf/provider-aws/lib/config-delivery-channel";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { suppress } from "../guardrails/suppressions";
import { EncryptedTopic } from "./encrypted-topic";
import { cloudWatchLogsStatement, EncryptionKey } from "./encryption-key";
import { LogGroup } from "./log-group";
import type { PolicyStatement } from "./policy-document";
import { SecureBucket } from "./secure-bucket";
import { awsManagedPolicyArn, ServiceRole } from "./service-role";

/** The AWS managed policy Config's recorder role carries (AWS documents it as required). */
export const CONFIG_RECORDER_POLICY = "service-role/AWS_ConfigRole";

/** AWS Config managed rules relevant to HIPAA 164.312 (encryption, audit, access control). */
export const HIPAA_CONFIG_RULES = [
  "CLOUD_TRAIL_ENABLED",
  "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
  "CMK_BACKING_KEY_ROTATION_ENABLED",
  "S3_BUCKET_SSL_REQUESTS_ONLY",
  "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
  "S3_BUCKET_PUBLIC_READ_PROHIBITED",
  "RDS_STORAGE_ENCRYPTED",
  "RDS_INSTANCE_PUBLIC_ACCESS_CHECK",
  "VPC_FLOW_LOGS_ENABLED",
  "IAM_ROOT_ACCESS_KEY_CHECK",
] as const;

export interface AuditProps {
  /** `<app>-<env>`. */
  readonly namePrefix: string;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  /**
   * The audit key (trail, its log group and delivery topic, audit bucket, Config
   * deliveries): the account administers it through IAM but cannot use it; only the
   * services that deliver evidence and `readerArns` can.
   */
  readonly key: { readonly alias: string; readonly deletionWindowDays: number };
  /**
   * IAM roles of this account that may decrypt audit evidence. They need no key policy
   * change and need not exist yet (matched by `aws:PrincipalArn`); their own policies must
   * still allow kms:Decrypt on the key and s3:GetObject on the bucket.
   * @default - none: no one can read the evidence until a reader is named
   */
  readonly readerArns?: readonly string[];
  /** Receives the audit bucket's access logs. */
  readonly accessLogBucket: SecureBucket;
  /** Bucket of CloudTrail log files, under Object Lock. */
  readonly auditBucketName: string;
  /** Bucket of AWS Config deliveries: Config cannot deliver to one with Object Lock default retention. */
  readonly configBucketName: string;
  /** Days audit evidence is kept: trail log group, objects of both buckets, Object Lock. */
  readonly retentionDays: number;
  /** Days a replaced version is kept; the audit bucket keeps them at least `retentionDays`. */
  readonly noncurrentVersionExpirationDays: number;
  /** Object Lock mode of the audit bucket. COMPLIANCE: no one, root included, deletes a version before `retentionDays`. */
  readonly objectLockMode: "GOVERNANCE" | "COMPLIANCE";
  /** Buckets whose object-level reads and writes the trail records. @default - none */
  readonly dataEventBucketArns?: readonly string[];
  /**
   * A second region the environment writes to (bucket replicas, database backups): GuardDuty and AWS Config
   * watch it too (the trail is multi-region already). @default - the primary region only
   */
  readonly drRegion?: string;
  /** Which parts to create: an account may already have an organization trail, a detector or a recorder. */
  readonly cloudTrail: boolean;
  readonly guardDuty: boolean;
  readonly awsConfig: boolean;
}

/**
 * Audit evidence for HIPAA 164.312(b) / GDPR Art. 30: a multi-region CloudTrail trail with
 * log file validation, CloudWatch Logs delivery, S3 data events and its own delivery topic;
 * a GuardDuty detector; an AWS Config recorder with HIPAA-relevant managed rules; all of it
 * under a dedicated audit key, in an Object-Locked bucket. Each part can be switched off
 * where the organization already runs it.
 */
export class Audit extends Construct {
  /** CloudTrail log files, under Object Lock (and AWS Config deliveries made before they moved). */
  public readonly auditBucket?: SecureBucket;
  /** AWS Config deliveries: Config cannot write to a bucket with a default Object Lock retention. */
  public readonly configBucket?: SecureBucket;
  public readonly auditKey?: EncryptionKey;
  public readonly trailArn?: string;
  /** Topic told of each trail log file delivery (CKV_AWS_252): for a SIEM, not for people. */
  public readonly trailTopic?: EncryptedTopic;
  /** CloudWatch Logs group the trail delivers to (every region's events). */
  public readonly trailLogGroupName?: string;
  /** Names of the AWS Config rules; empty without `awsConfig`. */
  public readonly configRuleNames: readonly string[];
  /** Region of the second GuardDuty detector, when there is one. */
  public readonly guardDutyDrRegion?: string;
  private readonly names: {
    trail: string;
    trailArn: string;
    trailLogGroup: string;
    trailTopic: string;
    trailTopicArn: string;
    configRole: string;
  };

  constructor(
    scope: Construct,
    id: string,
    private readonly props: AuditProps,
  ) {
    super(scope, id);
    const { partition, region, accountId, namePrefix } = props;
    const trail = `${namePrefix}-trail`;
    this.names = {
      trail,
      trailArn: `arn:${partition}:cloudtrail:${region}:${accountId}:trail/${trail}`,
      trailLogGroup: `/aws/cloudtrail/${namePrefix}`,
      trailTopic: `${namePrefix}-trail-deliveries`,
      trailTopicArn: `arn:${partition}:sns:${region}:${accountId}:${namePrefix}-trail-deliveries`,
      configRole: `${namePrefix}-config`,
    };
    this.configRuleNames = props.awsConfig
      ? HIPAA_CONFIG_RULES.map((rule) => `${props.namePrefix}-${rule.toLowerCase().replace(/_/g, "-")}`)
      : [];
    if (props.cloudTrail || props.awsConfig) {
      const key = (this.auditKey = this.createKey());
      // Kept while any part delivers, so that evidence delivered earlier stays where it was.
      const auditArn = `arn:${partition}:s3:::${props.auditBucketName}`;
      const trailStatements = props.cloudTrail ? this.trailBucketStatements(auditArn) : [];
      this.auditBucket = this.evidenceBucket("AuditBucket", props.auditBucketName, key, trailStatements, true);
      if (props.cloudTrail) [this.trailArn, this.trailTopic, this.trailLogGroupName] = this.createTrail(key, this.auditBucket);
      if (props.awsConfig) {
        // AWS Config cannot deliver to a bucket whose Object Lock sets a default retention.
        const configArn = `arn:${partition}:s3:::${props.configBucketName}`;
        this.configBucket = this.evidenceBucket("ConfigBucket", props.configBucketName, key, this.configBucketStatements(configArn), false);
        this.createConfig(configArn, key, this.configBucket);
      }
    }
    if (props.guardDuty) {
      this.createDetectors();
      this.guardDutyDrRegion = this.drRegion;
    }
  }

  private createKey(): EncryptionKey {
    const { props } = this;
    return new EncryptionKey(this, "AuditKey", {
      alias: props.key.alias,
      description: `Audit evidence of ${props.namePrefix}: trail, its log group and topic, audit and Config buckets`,
      accountId: props.accountId,
      region: props.region,
      partition: props.partition,
      deletionWindowDays: props.key.deletionWindowDays,
      iamGrantsUse: false,
      additionalPolicyStatements: this.keyStatements(),
    });
  }

  /**
   * A bucket of audit evidence under the audit key, kept `retentionDays`, replaced versions
   * too; `locked`: every version under Object Lock for as long.
   */
  private evidenceBucket(id: string, bucketName: string, key: EncryptionKey, statements: PolicyStatement[], locked: boolean): SecureBucket {
    const { props } = this;
    const days = props.retentionDays;
    return new SecureBucket(this, id, {
      bucketName,
      kmsKeyArn: key.keyArn,
      logging: { target: props.accessLogBucket },
      noncurrentVersionExpirationDays: Math.max(props.noncurrentVersionExpirationDays, days),
      expirationDays: days,
      ...(locked ? { objectLock: { mode: props.objectLockMode, days, onExistingBucket: true } } : {}),
      additionalPolicyStatements: statements,
    });
  }

  /** The DR region, when it differs from the primary one. */
  private get drRegion(): string | undefined {
    return this.props.drRegion !== this.props.region ? this.props.drRegion : undefined;
  }

  /** Audit bucket policy: this trail delivers into its prefix. */
  private trailBucketStatements(bucketArn: string): PolicyStatement[] {
    const { props, names } = this;
    return [
      {
        Sid: "CloudTrailAclCheck",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: bucketArn,
        Condition: { StringEquals: { "aws:SourceArn": names.trailArn } },
      },
      {
        Sid: "CloudTrailWrite",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/cloudtrail/AWSLogs/${props.accountId}/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": names.trailArn } },
      },
    ];
  }

  /** Config bucket policy: AWS Config of this account delivers into its prefix. */
  private configBucketStatements(bucketArn: string): PolicyStatement[] {
    const sameAccount = { "aws:SourceAccount": this.props.accountId };
    return [
      {
        Sid: "ConfigAclCheck",
        Effect: "Allow",
        Principal: { Service: "config.amazonaws.com" },
        Action: ["s3:GetBucketAcl", "s3:ListBucket"],
        Resource: bucketArn,
        Condition: { StringEquals: sameAccount },
      },
      {
        Sid: "ConfigWrite",
        Effect: "Allow",
        Principal: { Service: "config.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/config/AWSLogs/${this.props.accountId}/Config/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...sameAccount } },
      },
    ];
  }

  /**
   * Audit key policy beyond administration: each delivering service scoped to this trail,
   * log group or account, and the named readers. No statement lets IAM grant use.
   */
  private keyStatements(): PolicyStatement[] {
    const { props, names } = this;
    const cloudTrail = { Service: "cloudtrail.amazonaws.com" };
    const account = { AWS: `arn:${props.partition}:iam::${props.accountId}:root` };
    const sameAccount = { "aws:SourceAccount": props.accountId };
    const statements: PolicyStatement[] = [];
    if (props.cloudTrail) {
      statements.push(
        {
          Sid: "AllowCloudTrailToEncryptLogFiles",
          Effect: "Allow",
          Principal: cloudTrail,
          Action: "kms:GenerateDataKey*",
          Resource: "*",
          Condition: {
            StringEquals: { "aws:SourceArn": names.trailArn },
            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${props.partition}:cloudtrail:*:${props.accountId}:trail/*` },
          },
        },
        // DescribeKey carries no encryption context: a context condition would never match.
        {
          Sid: "AllowCloudTrailToDescribeKey",
          Effect: "Allow",
          Principal: cloudTrail,
          Action: "kms:DescribeKey",
          Resource: "*",
          Condition: { StringEquals: { ...sameAccount, "aws:SourceArn": names.trailArn } },
        },
        // CreateTrail and deliveries to a bucket with S3 Bucket Keys decrypt with the key.
        {
          Sid: "AllowCloudTrailToDecrypt",
          Effect: "Allow",
          Principal: cloudTrail,
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceArn": names.trailArn } },
        },
        // What SNS needs of a service publishing to a CMK-encrypted topic: only for the trail's delivery topic.
        {
          Sid: "AllowCloudTrailToNotifyDeliveryTopic",
          Effect: "Allow",
          Principal: cloudTrail,
          Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
          Resource: "*",
          Condition: { StringEquals: { ...sameAccount, "kms:EncryptionContext:aws:sns:topicArn": names.trailTopicArn } },
        },
        cloudWatchLogsStatement(props, `log-group:${names.trailLogGroup}`),
      );
    }
    if (props.awsConfig) {
      const configRoleArn = `arn:${props.partition}:iam::${props.accountId}:role/${names.configRole}`;
      const actions = ["kms:Decrypt", "kms:GenerateDataKey"];
      statements.push(
        // Config delivers as its role; matched by ARN so the role need not exist when the policy is set.
        {
          Sid: "AllowConfigRoleToDeliver",
          Effect: "Allow",
          Principal: account,
          Action: actions,
          Resource: "*",
          Condition: { ArnEquals: { "aws:PrincipalArn": configRoleArn } },
        },
        // When the role cannot deliver, Config retries as its service principal.
        {
          Sid: "AllowConfigToDeliver",
          Effect: "Allow",
          Principal: { Service: "config.amazonaws.com" },
          Action: actions,
          Resource: "*",
          Condition: { StringEquals: sameAccount },
        },
      );
    }
    const readers = props.readerArns ?? [];
    if (readers.length > 0) {
      statements.push({
        Sid: "AllowAuditReadersToDecrypt",
        Effect: "Allow",
        Principal: account,
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { ArnLike: { "aws:PrincipalArn": [...readers] } },
      });
    }
    return statements;
  }

  private createTrail(key: EncryptionKey, bucket: SecureBucket): [string, EncryptedTopic, string] {
    const { props, names } = this;
    const group = new LogGroup(this, "TrailLogGroup", {
      logGroupName: names.trailLogGroup,
      retentionDays: props.retentionDays,
      kmsKeyArn: key.keyArn,
    });
    const role = new ServiceRole(this, "TrailLogRole", {
      roleName: `${props.namePrefix}-cloudtrail-logs`,
      service: "cloudtrail.amazonaws.com",
      sourceAccountId: props.accountId,
      description: `Delivers the ${names.trail} trail to CloudWatch Logs`,
      statements: [
        {
          Sid: "WriteTrailEvents",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `${group.logGroupArn}:*`,
        },
      ],
    });
    // Log-file notifications flood people (AWS advises against e-mail and SMS subscribers):
    // a topic of their own, with no subscription here; a SIEM subscribes to it.
    const topic = new EncryptedTopic(this, "TrailTopic", {
      topicName: names.trailTopic,
      kmsKeyArn: key.keyArn,
      publishers: [
        {
          sid: "AllowServicesToPublish",
          services: ["cloudtrail.amazonaws.com"],
          condition: { StringEquals: { "aws:SourceArn": names.trailArn } },
        },
      ],
    });
    const dataEvents = props.dataEventBucketArns ?? [];
    const trail = new Cloudtrail(this, "Trail", {
      name: names.trail,
      s3BucketName: bucket.bucketName,
      s3KeyPrefix: "cloudtrail",
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogging: true,
      enableLogFileValidation: true,
      kmsKeyId: key.keyArn,
      cloudWatchLogsGroupArn: `${group.logGroupArn}:*`,
      cloudWatchLogsRoleArn: role.roleArn,
      snsTopicName: topic.topicName,
      eventSelector: [
        {
          readWriteType: "All",
          includeManagementEvents: true,
          ...(dataEvents.length ? { dataResource: [{ type: "AWS::S3::Object", values: dataEvents.map((arn) => `${arn}/`) }] } : {}),
        },
      ],
      // CreateTrail checks both policies: InsufficientS3BucketPolicy / InsufficientSnsTopicPolicyException.
      // CreateTrail checks the bucket policy, the topic policy and the log role; files
      // delivered before the Object Lock retention exists would stay unlocked.
      dependsOn: [bucket.policyReady, topic.policyReady, role.policyReady, ...(bucket.objectLockReady ? [bucket.objectLockReady] : [])],
    });
    return [trail.arn, topic, group.logGroupName];
  }

  /** A detector in the provider's region, and one in the DR region. */
  private createDetectors(): void {
    for (const [id, region] of [
      ["GuardDuty", undefined],
      ["DrGuardDuty", this.drRegion],
    ] as const) {
      if (id === "DrGuardDuty" && !region) continue;
      const detector = new GuarddutyDetector(this, id, {
        enable: true,
        findingPublishingFrequency: "FIFTEEN_MINUTES",
        ...(region ? { region } : {}),
      });
      suppress(
        detector,
        "CKV2_AWS_3",
        "Per-account detector of this environment's account; " +
          "organization-wide auto-enable (aws_guardduty_organization_configuration) " +
          "belongs to the delegated administrator account, not to an app stack.",
      );
    }
  }

  private createConfig(bucketArn: string, key: EncryptionKey, bucket: SecureBucket): void {
    const { props, names } = this;
    const role = new ServiceRole(this, "ConfigRole", {
      roleName: names.configRole,
      service: "config.amazonaws.com",
      sourceAccountId: props.accountId,
      description: "AWS Config recorder and delivery channel",
      managedPolicyArns: [awsManagedPolicyArn(props.partition, CONFIG_RECORDER_POLICY)],
      statements: [
        {
          Sid: "DeliverToConfigBucket",
          Effect: "Allow",
          Action: "s3:PutObject",
          Resource: `${bucketArn}/config/AWSLogs/${props.accountId}/Config/*`,
        },
        { Sid: "ReadConfigBucketAcl", Effect: "Allow", Action: "s3:GetBucketAcl", Resource: bucketArn },
        { Sid: "EncryptDeliveries", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: key.keyArn },
      ],
    });
    const { recorder } = this.createRecorder("", role.roleArn, key, bucket);
    if (this.drRegion) {
      const dr = this.createRecorder("Dr", role.roleArn, key, bucket, this.drRegion);
      suppress(
        dr.recorder,
        "CKV2_AWS_48",
        "Global resources (IAM) are recorded once, by the primary region's recorder of this environment; " +
          "recording them in the DR region too would duplicate every configuration item, which AWS Config advises against.",
        { scanners: ["checkov"] },
      );
    }
    HIPAA_CONFIG_RULES.forEach((rule, i) => {
      new ConfigConfigRule(this, `ConfigRule-${rule}`, {
        name: this.configRuleNames[i],
        source: { owner: "AWS", sourceIdentifier: rule },
        dependsOn: [recorder],
      });
    });
  }

  /**
   * Recorder, delivery channel (to the audit bucket) and recorder status in the provider's
   * region (ids without prefix; records global resources) or in `region` (`Dr` ids).
   */
  private createRecorder(idPrefix: "" | "Dr", roleArn: string, key: EncryptionKey, bucket: SecureBucket, region?: string) {
    const here = region ? { region } : {};
    const recorder = new ConfigConfigurationRecorder(this, `${idPrefix}ConfigRecorder`, {
      name: `${this.props.namePrefix}-recorder`,
      roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: !region },
      ...here,
    });
    const channel = new ConfigDeliveryChannel(this, `${idPrefix}ConfigDeliveryChannel`, {
      name: `${this.props.namePrefix}-delivery`,
      s3BucketName: bucket.bucketName,
      s3KeyPrefix: "config",
      s3KmsKeyArn: key.keyArn,
      snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
      // Config checks it may write to the bucket when the channel is created.
      dependsOn: [recorder, bucket.policyReady],
      ...here,
    });
    const status = new ConfigConfigurationRecorderStatus(this, `${idPrefix}ConfigRecorderStatus`, {
      name: recorder.name,
      isEnabled: true,
      dependsOn: [channel],
      ...here,
    });
    return { recorder, status };
  }
}
