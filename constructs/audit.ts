import { Construct } from "constructs";
import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule";
import { ConfigConfigurationRecorder } from "@cdktf/provider-aws/lib/config-configuration-recorder";
import { ConfigConfigurationRecorderStatus } from "@cdktf/provider-aws/lib/config-configuration-recorder-status";
import { ConfigDeliveryChannel } from "@cdktf/provider-aws/lib/config-delivery-channel";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { suppress } from "../guardrails/suppressions";
import { LogGroup } from "./log-group";
import type { PolicyStatement } from "./policy-document";
import { SecureBucket } from "./secure-bucket";
import { ServiceRole } from "./service-role";

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
  /** CMK for the trail, its log group and the audit bucket; its policy admits CloudTrail and CloudWatch Logs. */
  readonly kmsKeyArn: string;
  /** Receives the audit bucket's access logs. */
  readonly accessLogBucket: SecureBucket;
  readonly auditBucketName: string;
  /** Days audit evidence is kept (trail log group and bucket objects). */
  readonly retentionDays: number;
  readonly noncurrentVersionExpirationDays: number;
  /** Topic told of each log file delivery (CKV_AWS_252). */
  readonly topicName: string;
  /** Buckets whose object-level reads and writes the trail records. @default - none */
  readonly dataEventBucketArns?: readonly string[];
  /** Which parts to create: an account may already have an organization trail, a detector or a recorder. */
  readonly cloudTrail: boolean;
  readonly guardDuty: boolean;
  readonly awsConfig: boolean;
}

/**
 * Audit evidence for HIPAA 164.312(b) / GDPR Art. 30: a multi-region CloudTrail trail with
 * log file validation, CMK encryption, CloudWatch Logs delivery and S3 data events; a
 * GuardDuty detector; an AWS Config recorder with HIPAA-relevant managed rules. Each part
 * can be switched off where the organization already runs it.
 */
export class Audit extends Construct {
  public readonly auditBucket?: SecureBucket;
  public readonly trailArn?: string;

  constructor(scope: Construct, id: string, props: AuditProps) {
    super(scope, id);
    const bucketArn = `arn:${props.partition}:s3:::${props.auditBucketName}`;
    const trailName = `${props.namePrefix}-trail`;
    const trailArn = `arn:${props.partition}:cloudtrail:${props.region}:${props.accountId}:trail/${trailName}`;
    const sameAccount = { "aws:SourceAccount": props.accountId };
    const delivery: PolicyStatement[] = [];
    if (props.cloudTrail) {
      delivery.push(
        { Sid: "CloudTrailAclCheck", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: bucketArn, Condition: { StringEquals: { "aws:SourceArn": trailArn } } },
        {
          Sid: "CloudTrailWrite",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${bucketArn}/cloudtrail/AWSLogs/${props.accountId}/*`,
          Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
        },
      );
    }
    if (props.awsConfig) {
      delivery.push(
        { Sid: "ConfigAclCheck", Effect: "Allow", Principal: { Service: "config.amazonaws.com" }, Action: ["s3:GetBucketAcl", "s3:ListBucket"], Resource: bucketArn, Condition: { StringEquals: sameAccount } },
        {
          Sid: "ConfigWrite",
          Effect: "Allow",
          Principal: { Service: "config.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${bucketArn}/config/AWSLogs/${props.accountId}/Config/*`,
          Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...sameAccount } },
        },
      );
    }
    if (delivery.length > 0) {
      this.auditBucket = new SecureBucket(this, "AuditBucket", {
        bucketName: props.auditBucketName,
        kmsKeyArn: props.kmsKeyArn,
        logging: { target: props.accessLogBucket },
        noncurrentVersionExpirationDays: props.noncurrentVersionExpirationDays,
        expirationDays: props.retentionDays,
        additionalPolicyStatements: delivery,
      });
    }
    if (props.cloudTrail) this.trailArn = this.createTrail(props, trailName);
    if (props.guardDuty) {
      const detector = new GuarddutyDetector(this, "GuardDuty", { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" });
      suppress(detector, "CKV2_AWS_3", "Per-account detector of this environment's account; organization-wide auto-enable (aws_guardduty_organization_configuration) belongs to the delegated administrator account, not to an app stack.");
    }
    if (props.awsConfig) this.createConfig(props, bucketArn);
  }

  private createTrail(props: AuditProps, trailName: string): string {
    const group = new LogGroup(this, "TrailLogGroup", {
      logGroupName: `/aws/cloudtrail/${props.namePrefix}`,
      retentionDays: props.retentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const role = new ServiceRole(this, "TrailLogRole", {
      roleName: `${props.namePrefix}-cloudtrail-logs`,
      service: "cloudtrail.amazonaws.com",
      sourceAccountId: props.accountId,
      description: `Delivers the ${trailName} trail to CloudWatch Logs`,
      statements: [{ Sid: "WriteTrailEvents", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${group.logGroupArn}:*` }],
    });
    const dataEvents = props.dataEventBucketArns ?? [];
    const trail = new Cloudtrail(this, "Trail", {
      name: trailName,
      s3BucketName: this.auditBucket!.bucketName,
      s3KeyPrefix: "cloudtrail",
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogging: true,
      enableLogFileValidation: true,
      kmsKeyId: props.kmsKeyArn,
      cloudWatchLogsGroupArn: `${group.logGroupArn}:*`,
      cloudWatchLogsRoleArn: role.roleArn,
      snsTopicName: props.topicName,
      eventSelector: [
        {
          readWriteType: "All",
          includeManagementEvents: true,
          ...(dataEvents.length ? { dataResource: [{ type: "AWS::S3::Object", values: dataEvents.map((arn) => `${arn}/`) }] } : {}),
        },
      ],
      dependsOn: [this.auditBucket!.policyReady],
    });
    return trail.arn;
  }

  private createConfig(props: AuditProps, bucketArn: string): void {
    const role = new ServiceRole(this, "ConfigRole", {
      roleName: `${props.namePrefix}-config`,
      service: "config.amazonaws.com",
      sourceAccountId: props.accountId,
      description: "AWS Config recorder and delivery channel",
      managedPolicyArns: [`arn:${props.partition}:iam::aws:policy/service-role/AWS_ConfigRole`],
      statements: [
        { Sid: "DeliverToAuditBucket", Effect: "Allow", Action: "s3:PutObject", Resource: `${bucketArn}/config/AWSLogs/${props.accountId}/Config/*` },
        { Sid: "ReadAuditBucketAcl", Effect: "Allow", Action: "s3:GetBucketAcl", Resource: bucketArn },
        { Sid: "EncryptDeliveries", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: props.kmsKeyArn },
      ],
    });
    const recorder = new ConfigConfigurationRecorder(this, "ConfigRecorder", {
      name: `${props.namePrefix}-recorder`,
      roleArn: role.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    const channel = new ConfigDeliveryChannel(this, "ConfigDeliveryChannel", {
      name: `${props.namePrefix}-delivery`,
      s3BucketName: this.auditBucket!.bucketName,
      s3KeyPrefix: "config",
      s3KmsKeyArn: props.kmsKeyArn,
      snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
      // Config checks it may write to the bucket when the channel is created.
      dependsOn: [recorder, this.auditBucket!.policyReady],
    });
    new ConfigConfigurationRecorderStatus(this, "ConfigRecorderStatus", { name: recorder.name, isEnabled: true, dependsOn: [channel] });
    for (const rule of HIPAA_CONFIG_RULES) {
      new ConfigConfigRule(this, `ConfigRule-${rule}`, {
        name: `${props.namePrefix}-${rule.toLowerCase().replace(/_/g, "-")}`,
        source: { owner: "AWS", sourceIdentifier: rule },
        dependsOn: [recorder],
      });
    }
  }
}
