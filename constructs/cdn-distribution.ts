import { Construct } from "constructs";
import { CloudfrontDistribution, type CloudfrontDistributionOrderedCacheBehavior } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import { CloudwatchLogDelivery } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery";
import { CloudwatchLogDeliveryDestination } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-destination";
import { CloudwatchLogDeliverySource } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-source";
import { DataAwsCloudfrontCachePolicy } from "@cdktf/provider-aws/lib/data-aws-cloudfront-cache-policy";
import { DataAwsCloudfrontOriginRequestPolicy } from "@cdktf/provider-aws/lib/data-aws-cloudfront-origin-request-policy";
import { suppress } from "../guardrails/suppressions";

/** Origin ids inside the distribution. */
const FRONTEND = "frontend";
const ALB = "alb";
const READ_METHODS = ["GET", "HEAD", "OPTIONS"];
const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];

export interface CdnDistributionProps {
  /** `<app>-<env>-cdn`: comment, policy, OAC and log delivery names. */
  readonly name: string;
  /** Host names it answers (each covered by the certificate). */
  readonly aliases: readonly string[];
  /** ACM certificate in us-east-1. */
  readonly certificateArn: string;
  /** Lowest TLS policy viewers may use (TLSv1.2_2021). */
  readonly minimumProtocolVersion: string;
  readonly priceClass: string;
  /** The private frontend bucket, read through origin access control: the default origin. @default - none */
  readonly frontend?: { readonly bucketName: string; readonly region: string; readonly defaultRootObject: string };
  /**
   * The ALB by host name (its certificate covers it), HTTPS only, with the secret origin header.
   * With a frontend it serves `apiPathPatterns`; without, everything, caching only `staticPathPatterns`
   * (none by default: nothing of the ALB is cached).
   * @default - none
   */
  readonly alb?: {
    readonly domainName: string;
    readonly originHeader: { readonly name: string; readonly value: string };
    readonly apiPathPatterns?: readonly string[];
    readonly staticPathPatterns: readonly string[];
  };
  /** The security headers of every response. */
  readonly headers: { readonly contentSecurityPolicy: string; readonly hstsMaxAgeSeconds: number; readonly referrerPolicy: string };
  /** AWS managed cache and origin request policies, by name. */
  readonly policies: { readonly cachingOptimized: string; readonly cachingDisabled: string; readonly albOriginRequest: string };
  /** @default - no restriction (a justified suppression of CKV_AWS_374) */
  readonly geoRestriction?: { readonly type: "whitelist" | "blacklist"; readonly countries: readonly string[] };
  /** A CLOUDFRONT-scope web ACL. @default - none: CKV_AWS_68 and CKV2_AWS_47 fail unless `noWebAclReason` */
  readonly webAclArn?: string;
  /** Why the distribution has no web ACL of its own: suppresses CKV_AWS_68 and CKV2_AWS_47 with it. @default - not suppressed */
  readonly noWebAclReason?: string;
  /** Standard logging v2: the delivery (created in `region`, us-east-1) writes to `bucketArn`. */
  readonly logs: { readonly bucketArn: string; readonly region: string; readonly suffixPath: string };
}

/**
 * A CloudFront distribution: a frontend bucket through origin access control and/or the ALB
 * over HTTPS with a secret header; viewers redirected to HTTPS with TLSv1.2_2021 and an ACM
 * certificate; a response headers policy with HSTS, nosniff, frame DENY, X-XSS-Protection,
 * the referrer policy and the CSP; caching of static content only (API paths pass uncached
 * with every viewer header but Host); an optional geo restriction and web ACL; and access
 * logs through CloudWatch Logs delivery (standard logging v2) to an S3 bucket, since legacy
 * logging needs bucket ACLs the platform disables.
 */
export class CdnDistribution extends Construct {
  public readonly distributionArn: string;
  public readonly distributionId: string;
  /** `dxxxx.cloudfront.net`, and the zone id alias records point with. */
  public readonly domainName: string;
  public readonly hostedZoneId: string;

  constructor(scope: Construct, id: string, props: CdnDistributionProps) {
    super(scope, id);
    if (!props.frontend && !props.alb) throw new Error(`CdnDistribution ${this.node.path}: give \`frontend\`, \`alb\` or both.`);
    const cachePolicy = (cid: string, name: string) => new DataAwsCloudfrontCachePolicy(this, cid, { name }).id;
    // Looked up only where a behavior caches (a frontend, or static paths of the ALB).
    let cachedId: string | undefined;
    const cached = () => (cachedId ??= cachePolicy("CachingOptimized", props.policies.cachingOptimized));
    const headersPolicy = this.createHeadersPolicy(props);
    const origins = [];
    if (props.frontend) {
      const oac = new CloudfrontOriginAccessControl(this, "OriginAccessControl", {
        name: props.name,
        description: `${props.name}: signed requests to the frontend bucket`,
        originAccessControlOriginType: "s3",
        signingBehavior: "always",
        signingProtocol: "sigv4",
      });
      origins.push({
        originId: FRONTEND,
        domainName: `${props.frontend.bucketName}.s3.${props.frontend.region}.amazonaws.com`,
        originAccessControlId: oac.id,
      });
    }
    const behaviors: CloudfrontDistributionOrderedCacheBehavior[] = [];
    const behavior = (origin: string, cachePolicyId: string, methods: string[], originRequestPolicyId?: string) => ({
      targetOriginId: origin,
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: methods,
      cachedMethods: ["GET", "HEAD"],
      cachePolicyId,
      originRequestPolicyId,
      responseHeadersPolicyId: headersPolicy.id,
      compress: true,
    });
    let defaultBehavior = props.frontend ? behavior(FRONTEND, cached(), READ_METHODS) : undefined;
    if (props.alb) {
      const a = props.alb;
      origins.push({
        originId: ALB,
        domainName: a.domainName,
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: "https-only",
          originSslProtocols: ["TLSv1.2"],
        },
        customHeader: [{ name: a.originHeader.name, value: a.originHeader.value }],
      });
      const uncached = cachePolicy("CachingDisabled", props.policies.cachingDisabled);
      const viewerHeaders = new DataAwsCloudfrontOriginRequestPolicy(this, "AlbOriginRequest", { name: props.policies.albOriginRequest })
        .id;
      const api = behavior(ALB, uncached, ALL_METHODS, viewerHeaders);
      if (props.frontend) behaviors.push(...(a.apiPathPatterns ?? []).map((pathPattern) => ({ ...api, pathPattern })));
      else {
        defaultBehavior = api;
        behaviors.push(...a.staticPathPatterns.map((pathPattern) => ({ ...behavior(ALB, cached(), READ_METHODS), pathPattern })));
      }
    }
    const geo = props.geoRestriction;
    const distribution = new CloudfrontDistribution(this, "Distribution", {
      enabled: true,
      comment: props.name,
      aliases: [...props.aliases],
      isIpv6Enabled: true,
      httpVersion: "http2and3",
      priceClass: props.priceClass,
      defaultRootObject: props.frontend?.defaultRootObject,
      webAclId: props.webAclArn,
      origin: origins,
      // The frontend's, or the ALB's API behavior (one of the two is given: checked above).
      defaultCacheBehavior: defaultBehavior!,
      orderedCacheBehavior: behaviors,
      viewerCertificate: {
        acmCertificateArn: props.certificateArn,
        sslSupportMethod: "sni-only",
        minimumProtocolVersion: props.minimumProtocolVersion,
      },
      restrictions: {
        geoRestriction: geo ? { restrictionType: geo.type, locations: [...geo.countries] } : { restrictionType: "none", locations: [] },
      },
    });
    this.distributionArn = distribution.arn;
    this.distributionId = distribution.id;
    this.domainName = distribution.domainName;
    this.hostedZoneId = distribution.hostedZoneId;
    this.createLogDelivery(props, distribution);
    this.justify(props);
  }

  /** R1's security headers, each overriding whatever the origin sends. */
  private createHeadersPolicy(props: CdnDistributionProps): CloudfrontResponseHeadersPolicy {
    const h = props.headers;
    return new CloudfrontResponseHeadersPolicy(this, "SecurityHeaders", {
      name: `${props.name}-security-headers`,
      comment: "HSTS, nosniff, frame DENY, X-XSS-Protection, referrer policy, CSP",
      securityHeadersConfig: {
        strictTransportSecurity: { accessControlMaxAgeSec: h.hstsMaxAgeSeconds, includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: "DENY", override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        referrerPolicy: { referrerPolicy: h.referrerPolicy, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: h.contentSecurityPolicy, override: true },
      },
    });
  }

  /** Standard logging v2: access logs delivered by CloudWatch Logs (configured in us-east-1) to the log bucket. */
  private createLogDelivery(props: CdnDistributionProps, distribution: CloudfrontDistribution): void {
    const here = { region: props.logs.region };
    const source = new CloudwatchLogDeliverySource(this, "LogSource", {
      name: logDeliverySourceName(props.name),
      logType: "ACCESS_LOGS",
      resourceArn: distribution.arn,
      ...here,
    });
    const destination = new CloudwatchLogDeliveryDestination(this, "LogDestination", {
      name: `${props.name}-access`,
      outputFormat: "json",
      deliveryDestinationConfiguration: [{ destinationResourceArn: props.logs.bucketArn }],
      ...here,
    });
    new CloudwatchLogDelivery(this, "LogDelivery", {
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.arn,
      s3DeliveryConfiguration: [{ suffixPath: props.logs.suffixPath, enableHiveCompatiblePath: false }],
      ...here,
    });
  }

  /** The checks a distribution of this shape fails on purpose, each with its reason. */
  private justify(props: CdnDistributionProps): void {
    suppress(
      this,
      "CKV_AWS_86",
      "Access logs use CloudFront standard logging v2 (CloudWatch Logs delivery to an SSE-KMS bucket in the primary region), which " +
        "Checkov does not read; legacy logging needs an ACL-enabled bucket and the platform enforces BucketOwnerEnforced (no ACLs). " +
        "Trivy's AWS-0010 recognises v2.",
      { scanners: ["checkov"] },
    );
    suppress(
      this,
      "CKV_AWS_310",
      "Each path has one origin (the frontend bucket or the ALB, itself spread over AZs); an origin group needs a second copy of " +
        "it, which the platform does not run.",
    );
    if (!props.frontend) {
      suppress(this, "CKV_AWS_305", "API-only distribution: the root path belongs to the API behind the ALB; there is no index object.");
    }
    if (!props.geoRestriction) {
      suppress(
        this,
        "CKV_AWS_374",
        "The config sets no edge.cdn.geoRestriction: the app serves its users in any country; TLS, the WAF and the app's own " +
          "authentication apply to all of them.",
      );
    }
    if (!props.webAclArn && props.noWebAclReason) {
      for (const rule of ["CKV_AWS_68", "CKV2_AWS_47"]) suppress(this, rule, props.noWebAclReason);
    }
  }
}

/** The name of a distribution's access-log delivery source: the key and bucket policies admit only it. */
export const logDeliverySourceName = (distributionName: string) => `${distributionName}-access`;
