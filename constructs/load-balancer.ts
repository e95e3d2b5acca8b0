import { namedSecurityGroup, peerRule } from "./security-group-rules";
import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { Password } from "@cdktf/provider-random/lib/password";
import { DataAwsEc2ManagedPrefixList } from "@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { ElbLogDelivery } from "../config/elb-log-delivery";
import { suppress } from "../guardrails/suppressions";
import type { PolicyStatement } from "./policy-document";
import { SecureBucket } from "./secure-bucket";

export interface LoadBalancerProps {
  /** Load balancer name, `<app>-<env>-alb` (32 characters at most). */
  readonly name: string;
  readonly vpcId: string;
  readonly publicSubnetIds: readonly string[];
  /** ACM certificate of the HTTPS listener, in the ALB's account and region. */
  readonly certificateArn: string;
  /** TLS policy of the HTTPS listener. */
  readonly sslPolicy: string;
  /** AWS deletion protection (the preset's protection.preventDestroy). */
  readonly deletionProtection: boolean;
  /** The one target: container port and health check path. */
  readonly target: { readonly port: number; readonly healthCheckPath: string; readonly deregistrationDelaySeconds: number };
  /** SSE-S3 bucket of the access logs, its key prefix, who delivers, and how long logs stay. */
  readonly accessLogs: {
    readonly bucketName: string;
    readonly prefix: string;
    readonly delivery: ElbLogDelivery;
    readonly accountId: string;
    readonly partition: string;
    readonly expirationDays: number;
    readonly noncurrentVersionExpirationDays: number;
    /** Where the log bucket's own S3 access logs go. */
    readonly serverAccessLogTarget: SecureBucket;
  };
  /**
   * CloudFront fronts the ALB: 443 admitted only from CloudFront's origin-facing managed
   * prefix list (no port 80), and only requests carrying the secret header reach the target.
   * @default - none: 443 and 80 from anywhere
   */
  readonly cloudFrontOnly?: CloudFrontOnly;
}

/** How the ALB admits only CloudFront. */
export interface CloudFrontOnly {
  /** Name of the AWS managed prefix list of CloudFront's origin-facing addresses. */
  readonly prefixListName: string;
  /** Header CloudFront adds to origin requests, with a generated secret value. */
  readonly headerName: string;
  readonly secretLength: number;
  /** The distribution carries the web ACL (the ALB's own would see only CloudFront's addresses). */
  readonly webAclOnDistribution: boolean;
}

/**
 * An internet-facing Application Load Balancer in the public subnets: HTTPS only (TLS 1.3/1.2
 * policy, an ACM certificate), port 80 a redirect to HTTPS, invalid header fields dropped,
 * access logs to an SSE-S3 bucket (ALB log delivery supports nothing else) whose policy
 * admits the region's ELB log delivery, and one IP target group with a health check.
 * Its security group admits 80 and 443 from anywhere and reaches only the targets
 * admitted with `allowTo`. The caller associates a web ACL (CKV2_AWS_28).
 */
export class LoadBalancer extends Construct {
  /** What a web ACL association names. */
  public readonly loadBalancerArn: string;
  public readonly securityGroupId: string;
  public readonly targetGroupArn: string;
  /** DNS name and hosted zone id, for an alias record. */
  public readonly dnsName: string;
  public readonly zoneId: string;
  /** `app/<name>/<id>`: the LoadBalancer dimension of its metrics. */
  public readonly arnSuffix: string;
  /** `targetgroup/<name>/<id>`: the TargetGroup dimension. */
  public readonly targetGroupArnSuffix: string;
  /** The HTTPS listener: a service registering targets must wait for it. */
  public readonly listenerReady: ITerraformDependable;
  public readonly logBucket: SecureBucket;
  /** The secret origin header CloudFront must send (`cloudFrontOnly`); the value is a reference, never a literal. */
  public readonly originHeader?: { readonly name: string; readonly value: string };
  private egressCount = 0;

  constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id);
    this.securityGroupId = namedSecurityGroup(this, {
      name: props.name,
      description: `${props.name}: HTTPS (and the redirect on HTTP) from the internet`,
      vpcId: props.vpcId,
    });
    if (props.cloudFrontOnly) this.admitOnlyCloudFront(props.cloudFrontOnly);
    for (const [port, what] of props.cloudFrontOnly
      ? []
      : ([
          [443, "HTTPS"],
          [80, "HTTP, redirected to HTTPS"],
        ] as const)) {
      const rule = new VpcSecurityGroupIngressRule(this, `Ingress${port}`, {
        securityGroupId: this.securityGroupId,
        cidrIpv4: "0.0.0.0/0",
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        description: `${what} from clients on the internet`,
      });
      if (port === 80)
        suppress(
          rule,
          "CKV_AWS_260",
          "Port 80 only answers with a redirect to HTTPS (the listener has no other action); clients that type http:// still arrive.",
        );
    }
    this.logBucket = this.createLogBucket(props);
    const alb = new Lb(this, "LoadBalancer", {
      name: props.name,
      loadBalancerType: "application",
      internal: false,
      subnets: [...props.publicSubnetIds],
      securityGroups: [this.securityGroupId],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: props.deletionProtection,
      accessLogs: { bucket: this.logBucket.bucketId, prefix: props.accessLogs.prefix, enabled: true },
      // ELB writes a test object when logging is turned on: the policy must exist first.
      dependsOn: [this.logBucket.policyReady],
    });
    const tg = new LbTargetGroup(this, "TargetGroup", {
      port: props.target.port,
      protocol: "HTTP",
      targetType: "ip",
      vpcId: props.vpcId,
      deregistrationDelay: String(props.target.deregistrationDelaySeconds),
      healthCheck: {
        enabled: true,
        path: props.target.healthCheckPath,
        protocol: "HTTP",
        matcher: "200-399",
        interval: 30,
        timeout: 5,
        healthyThreshold: 3,
        unhealthyThreshold: 3,
      },
      tags: { Name: props.name },
    });
    const https = new LbListener(this, "HttpsListener", {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: props.sslPolicy,
      certificateArn: props.certificateArn,
      defaultAction: props.cloudFrontOnly ? [DENY_WITHOUT_ORIGIN_HEADER] : [{ type: "forward", targetGroupArn: tg.arn }],
    });
    const guard = props.cloudFrontOnly && forwardWithOriginHeader(this, https, tg.arn, props.cloudFrontOnly);
    // Targets register once the listener forwards to them: through the header rule when there is one.
    this.listenerReady = guard ? guard.rule : https;
    this.originHeader = guard ? guard.header : undefined;
    if (guard) {
      suppress(
        tg,
        "CKV_AWS_378",
        "The HTTPS listener forwards here through its origin-header rule, which Checkov's connection check (listeners only) does " +
          "not follow; the HTTP hop to the targets stays inside the VPC, to a security group that admits only this ALB.",
      );
    }
    new LbListener(this, "HttpListener", {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
    this.loadBalancerArn = alb.arn;
    this.dnsName = alb.dnsName;
    this.zoneId = alb.zoneId;
    this.targetGroupArn = tg.arn;
    this.arnSuffix = alb.arnSuffix;
    this.targetGroupArnSuffix = tg.arnSuffix;

    suppress(
      this,
      "AWS-0053",
      "The public entry point of the app: it must be internet-facing. It serves HTTPS only (port 80 redirects) and reaches only the service's security group.",
    );
    if (!props.deletionProtection) {
      suppress(
        alb,
        "CKV_AWS_150",
        "Deletion protection follows protection.preventDestroy, off by this environment's preset: it is rebuilt, not kept; prod protects it.",
      );
    }
  }

  /** HTTPS from CloudFront's origin-facing addresses only (the AWS managed prefix list). */
  private admitOnlyCloudFront(c: CloudFrontOnly): void {
    const list = new DataAwsEc2ManagedPrefixList(this, "CloudFrontPrefixList", { name: c.prefixListName });
    new VpcSecurityGroupIngressRule(this, "IngressCloudFront", {
      securityGroupId: this.securityGroupId,
      prefixListId: list.id,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      description: "HTTPS from CloudFront origin-facing addresses only",
    });
    if (c.webAclOnDistribution) {
      suppress(
        this,
        "CKV2_AWS_28",
        "Admits only CloudFront (origin-facing prefix list and a secret origin header checked by the listener); the WAF is the " +
          "CLOUDFRONT-scope web ACL on the distribution, which sees the clients' addresses (here they are CloudFront's).",
      );
    }
  }

  /** Let the ALB reach targets in `securityGroupId` on `port` (its only egress). */
  allowTo(securityGroupId: string, port: number, description: string): void {
    peerRule(this, `Egress${this.egressCount++}`, "egress", {
      securityGroupId: this.securityGroupId,
      peer: securityGroupId,
      port,
      description,
    });
  }

  /** The access-log bucket: SSE-S3, admitting the region's ELB log delivery under the prefix of this account. */
  private createLogBucket(props: LoadBalancerProps): SecureBucket {
    const l = props.accessLogs;
    const bucketArn = `arn:${l.partition}:s3:::${l.bucketName}`;
    const principal: Record<string, string> =
      "elbAccountId" in l.delivery ? { AWS: `arn:${l.partition}:iam::${l.delivery.elbAccountId}:root` } : { Service: l.delivery.service };
    const delivery: PolicyStatement = {
      Sid: "AllowElbLogDelivery",
      Effect: "Allow",
      Principal: principal,
      Action: "s3:PutObject",
      Resource: `${bucketArn}/${l.prefix}/AWSLogs/${l.accountId}/*`,
    };
    return new SecureBucket(this, "LogBucket", {
      bucketName: l.bucketName,
      sseS3Reason:
        "ALB access log delivery supports only SSE-S3 (AES256) on the bucket; it holds request logs, denies non-TLS requests and " +
        "admits only ELB log delivery.",
      logging: { target: l.serverAccessLogTarget },
      expirationDays: l.expirationDays,
      noncurrentVersionExpirationDays: l.noncurrentVersionExpirationDays,
      additionalPolicyStatements: [delivery],
    });
  }
}

/** What the HTTPS listener answers a request without CloudFront's origin header: 403. */
const DENY_WITHOUT_ORIGIN_HEADER = {
  type: "fixed-response",
  fixedResponse: { contentType: "text/plain", messageBody: "Forbidden", statusCode: "403" },
};

/**
 * The listener forwards only requests that carry the secret origin header CloudFront adds
 * (a generated value: only a reference reaches the JSON); the default action denies the rest.
 * Rules that route paths to other targets must carry the same header condition.
 */
function forwardWithOriginHeader(
  scope: Construct,
  listener: LbListener,
  targetGroupArn: string,
  c: CloudFrontOnly,
): { header: { name: string; value: string }; rule: LbListenerRule } {
  const secret = new Password(scope, "OriginSecret", { length: c.secretLength, special: false });
  const rule = new LbListenerRule(scope, "OriginHeaderRule", {
    listenerArn: listener.arn,
    priority: 1,
    condition: [{ httpHeader: { httpHeaderName: c.headerName, values: [secret.result] } }],
    action: [{ type: "forward", targetGroupArn }],
  });
  return { header: { name: c.headerName, value: secret.result }, rule };
}
