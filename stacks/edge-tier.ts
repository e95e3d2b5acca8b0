import { Construct } from "constructs";
import { Lazy } from "cdktf";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import type { ResolvedCdn, ResolvedEnvironment } from "../config/resolve";
import { CdnDistribution, logDeliverySourceName } from "../constructs/cdn-distribution";
import { Certificate } from "../constructs/certificate";
import { EncryptionKey, KeyServiceUser } from "../constructs/encryption-key";
import type { HostedZones } from "../constructs/hosted-zones";
import type { LoadBalancer } from "../constructs/load-balancer";
import type { PolicyStatement } from "../constructs/policy-document";
import { SecureBucket } from "../constructs/secure-bucket";
import { WebAcl } from "../constructs/web-acl";

export interface EdgeTierProps {
  readonly env: ResolvedEnvironment;
  /** The environment's data key: the CLOUDFRONT web ACL's logs when the environment is in us-east-1. */
  readonly dataKey: EncryptionKey;
  /** Receives the frontend and log buckets' own S3 access logs. */
  readonly accessLogBucket: SecureBucket;
  readonly hostedZones: HostedZones;
  /** The ALB, when the distribution fronts it (it carries the secret origin header). */
  readonly loadBalancer?: LoadBalancer;
}

/**
 * Construct ids of what the residency exceptions place outside allowedRegions, below the
 * edge tier: the residency rule admits a resource only below the scope of the exception
 * that names it (and only of that exception's resource types).
 */
export const RESIDENCY_EXCEPTION_SCOPES: Readonly<Record<string, readonly string[]>> = {
  "cloudfront-certificate": ["EdgeTier/Certificate"],
  "cloudfront-web-acl": ["EdgeTier/WebAcl", "EdgeTier/WebAclLogKey"],
  "cloudfront-log-delivery": ["EdgeTier/Distribution"],
};

/**
 * CloudFront, from the resolved config: the edge key (frontend and log buckets; its policy
 * admits CloudFront for this distribution only, and log delivery), the versioned frontend
 * bucket readable only by the distribution, the access-log bucket in the primary region,
 * the us-east-1 certificate (existing, or DNS-validated in the zone), the CLOUDFRONT-scope
 * web ACL when asked for, the distribution, and alias records in the zone. Takes the ALB
 * handle from the compute tier below; nothing below knows it.
 */
export class EdgeTier extends Construct {
  public readonly distribution?: CdnDistribution;
  public readonly frontendBucket?: SecureBucket;
  public readonly logBucket?: SecureBucket;
  public readonly webAcl?: WebAcl;
  public readonly key?: EncryptionKey;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: EdgeTierProps,
  ) {
    super(scope, id);
    const { env } = props;
    const cdn = env.edge.cdn;
    if (!cdn) return;
    // The distribution reads buckets under this key, so the policies naming it render at synth.
    const distributionArn = Lazy.stringValue({ produce: () => this.distribution!.distributionArn });
    // Only this distribution's delivery source may write the logs (not any source of the account).
    const deliverySources =
      `arn:${env.partition}:logs:${cdn.controlRegion}:${env.accountId}:` + `delivery-source:${logDeliverySourceName(cdn.name)}`;
    this.key = new EncryptionKey(this, "Key", {
      alias: cdn.keyAlias,
      description: `CloudFront of ${env.app} ${env.env}: frontend objects and access logs`,
      accountId: env.accountId,
      region: env.region,
      partition: env.partition,
      deletionWindowDays: env.settings.kms.deletionWindowDays,
      policyAsResource: true,
      additionalPolicyStatements: [
        ...(cdn.frontend
          ? [
              {
                Sid: "AllowThisDistributionToDecrypt",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
              } satisfies PolicyStatement,
            ]
          : []),
        {
          Sid: "AllowAccessLogDelivery",
          Effect: "Allow",
          Principal: { Service: "delivery.logs.amazonaws.com" },
          Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": env.accountId }, ArnLike: { "aws:SourceArn": deliverySources } },
        },
      ],
    });
    const common = {
      kmsKeyArn: this.key.keyArn,
      logging: { target: props.accessLogBucket },
      noncurrentVersionExpirationDays: env.settings.storage.noncurrentVersionExpirationDays,
    };
    if (cdn.frontend) {
      this.frontendBucket = new SecureBucket(this, "FrontendBucket", {
        ...common,
        bucketName: cdn.frontend.bucketName,
        additionalPolicyStatements: [
          {
            Sid: "AllowThisDistributionToRead",
            Effect: "Allow",
            Principal: { Service: "cloudfront.amazonaws.com" },
            Action: "s3:GetObject",
            Resource: `arn:${env.partition}:s3:::${cdn.frontend.bucketName}/*`,
            Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
          },
        ],
      });
    }
    const logBucketArn = `arn:${env.partition}:s3:::${cdn.logs.bucketName}`;
    this.logBucket = new SecureBucket(this, "LogBucket", {
      ...common,
      bucketName: cdn.logs.bucketName,
      expirationDays: cdn.logs.expirationDays,
      additionalPolicyStatements: [
        {
          Sid: "AllowAccessLogDelivery",
          Effect: "Allow",
          Principal: { Service: "delivery.logs.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${logBucketArn}/AWSLogs/${env.accountId}/*`,
          Condition: {
            StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": env.accountId },
            ArnLike: { "aws:SourceArn": deliverySources },
          },
        },
      ],
    });
    this.webAcl = cdn.webAcl && this.createWebAcl(cdn, cdn.webAcl);
    const alb = cdn.alb && props.loadBalancer?.originHeader;
    if (cdn.alb && !alb) throw new Error("EdgeTier: edge.cdn.alb needs the ALB of the compute tier, admitting only CloudFront.");
    this.distribution = new CdnDistribution(this, "Distribution", {
      name: cdn.name,
      aliases: [cdn.domain.name],
      certificateArn: cdn.domain.certificateArn ?? this.createCertificate(cdn),
      minimumProtocolVersion: cdn.minimumProtocolVersion,
      priceClass: cdn.priceClass,
      frontend: cdn.frontend && { ...cdn.frontend, region: env.region },
      alb: cdn.alb && alb ? { ...cdn.alb, domainName: cdn.alb.originDomainName, originHeader: alb } : undefined,
      headers: cdn.headers,
      policies: cdn.policies,
      geoRestriction: cdn.geoRestriction,
      webAclArn: this.webAcl?.webAclArn,
      noWebAclReason: this.webAcl ? undefined : this.noWebAclReason(),
      logs: { bucketArn: this.logBucket.bucketArn, region: cdn.controlRegion, suffixPath: cdn.logs.suffixPath },
    });
    if (cdn.domain.zone) this.createRecords(cdn.domain.name, cdn.domain.zone, this.distribution);
  }

  /** The distribution's certificate, DNS-validated in its zone, in us-east-1 (CloudFront's rule). */
  private createCertificate(cdn: ResolvedCdn): string {
    const zone = cdn.domain.zone;
    if (!zone) throw new Error(`EdgeTier: ${cdn.domain.name} has no certificate ARN and no zone to validate one in.`);
    return new Certificate(this, "Certificate", {
      domainName: cdn.domain.name,
      zoneId: this.props.hostedZones.zoneId(zone),
      region: cdn.controlRegion,
    }).certificateArn;
  }

  /** The CLOUDFRONT-scope web ACL and its logs, in us-east-1; its log key is the data key when the environment is there. */
  private createWebAcl(cdn: ResolvedCdn, w: NonNullable<ResolvedCdn["webAcl"]>): WebAcl {
    const { env } = this.props;
    const inControlRegion = env.region === cdn.controlRegion;
    const logKey = inControlRegion
      ? this.props.dataKey
      : new EncryptionKey(this, "WebAclLogKey", {
          alias: w.logKeyAlias,
          description: `Logs of the CloudFront web ACL of ${env.app} ${env.env} (client IP addresses)`,
          accountId: env.accountId,
          region: cdn.controlRegion,
          partition: env.partition,
          deletionWindowDays: env.settings.kms.deletionWindowDays,
          serviceUsers: [KeyServiceUser.CLOUDWATCH_LOGS],
          placeInRegion: true,
        });
    return new WebAcl(this, "WebAcl", {
      name: w.name,
      scope: "CLOUDFRONT",
      managedRuleGroups: w.managedRuleGroups,
      rateLimitPer5Min: w.rateLimitPer5Min,
      protectedArns: [],
      logs: { groupName: w.logGroupName, retentionDays: w.logRetentionDays, kmsKeyArn: logKey.keyArn, redactedHeaders: w.redactedHeaders },
      accountId: env.accountId,
      region: cdn.controlRegion,
      partition: env.partition,
      placeInRegion: !inControlRegion,
    });
  }

  /** Why the distribution carries no web ACL: written into its CKV_AWS_68 and CKV2_AWS_47 suppressions. */
  private noWebAclReason(): string | undefined {
    const { env } = this.props;
    const cdn = env.edge.cdn!;
    if (cdn.alb) return undefined; // the config turned the WAF off: its own suppression must say why
    const residency = env.allowedRegions.includes(cdn.controlRegion)
      ? "edge.cdn.webAcl is false"
      : `a CLOUDFRONT-scope web ACL would live in ${cdn.controlRegion} and log client IP addresses there, outside allowedRegions ` +
        "(no cloudfront-web-acl residency exception)";
    return (
      "Serves only the static files of the private frontend bucket (GET/HEAD, origin access control); the API keeps its REGIONAL " +
      `web ACL on the App Runner service or ALB. ${residency}.`
    );
  }

  /** `name` (A and AAAA, alias) pointing at the distribution. */
  private createRecords(name: string, zone: string, d: CdnDistribution): void {
    for (const type of ["A", "AAAA"]) {
      new Route53Record(this, `Record${type}`, {
        zoneId: this.props.hostedZones.zoneId(zone),
        name,
        type,
        alias: { name: d.domainName, zoneId: d.hostedZoneId, evaluateTargetHealth: false },
      });
    }
  }
}
