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
import { forwardRule, type ForwardRuleProps } from "./listener-rule";
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
  /** The default service's target: it gets every request no listener rule matches. */
  readonly defaultTarget: LoadBalancerTarget;
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
   * prefix list, no port 80 and no listener there (CloudFront redirects viewers to HTTPS), and
   * only requests carrying the secret header reach the target.
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

/** One service's target group: IP targets on the container port, health checked. */
export interface LoadBalancerTarget {
  /** Name tag: the service's `<app>-<env>-<service>`. */
  readonly name: string;
  readonly port: number;
  readonly healthCheckPath: string;
  /** HTTP, or HTTPS when the container serves TLS (health checks then use HTTPS too). */
  readonly protocol: "HTTP" | "HTTPS";
  readonly deregistrationDelaySeconds: number;
}

/** What a service registering with a target group needs, and the TargetGroup dimension of its metrics. */
export interface TargetHandle {
  readonly targetGroupArn: string;
  /** `targetgroup/<name>/<id>`. */
  readonly arnSuffix: string;
  /** The listener or rule that uses the group: ECS refuses a group no listener uses yet. */
  readonly ready: ITerraformDependable;
}

/**
 * An internet-facing Application Load Balancer in the public subnets: HTTPS only (TLS 1.3/1.2
 * policy, an ACM certificate), port 80 a redirect to HTTPS (no port 80 behind CloudFront),
 * invalid header fields dropped,
 * access logs to an SSE-S3 bucket (ALB log delivery supports nothing else) whose policy
 * admits the region's ELB log delivery; the default service's IP target group is the HTTPS
 * listener's default action, each other service's is behind a listener rule (`addRoutedTarget`).
 * Its security group admits 80 and 443 from anywhere (CloudFront on 443 with
 * `cloudFrontOnly`) and reaches only the targets
 * admitted with `allowTo`. The caller associates a web ACL (CKV2_AWS_28).
 */
export class LoadBalancer extends Construct {
  /** What a web ACL association names. */
  public readonly loadBalancerArn: string;
  public readonly securityGroupId: string;
  /** DNS name and hosted zone id, for an alias record. */
  public readonly dnsName: string;
  public readonly zoneId: string;
  /** `app/<name>/<id>`: the LoadBalancer dimension of its metrics. */
  public readonly arnSuffix: string;
  /** The default service's target group. */
  public readonly defaultTarget: TargetHandle;
  public readonly httpsListenerArn: string;
  public readonly logBucket: SecureBucket;
  /** The secret origin header CloudFront must send (`cloudFrontOnly`); the value is a reference, never a literal. */
  public readonly originHeader?: { readonly name: string; readonly value: string };
  private egressCount = 0;
  private readonly vpcId: string;

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
    this.vpcId = props.vpcId;
    const tg = this.createTargetGroup("TargetGroup", props.defaultTarget);
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
    const listenerReady = guard ? guard.rule : https;
    this.originHeader = guard ? guard.header : undefined;
    if (guard) {
      suppress(
        tg,
        "CKV_AWS_378",
        "The HTTPS listener forwards here through its origin-header rule, which Checkov's connection check (listeners only) does " +
          "not follow; the HTTP hop to the targets stays inside the VPC, to a security group that admits only this ALB.",
      );
    }
    // Locked to CloudFront, nothing reaches port 80 (the group admits CloudFront on 443 only,
    // and CloudFront redirects viewers to HTTPS itself): no listener there.
    if (!props.cloudFrontOnly) {
      new LbListener(this, "HttpListener", {
        loadBalancerArn: alb.arn,
        port: 80,
        protocol: "HTTP",
        defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
      });
    }
    this.loadBalancerArn = alb.arn;
    this.dnsName = alb.dnsName;
    this.zoneId = alb.zoneId;
    this.arnSuffix = alb.arnSuffix;
    this.httpsListenerArn = https.arn;
    this.defaultTarget = { targetGroupArn: tg.arn, arnSuffix: tg.arnSuffix, ready: listenerReady };

    suppress(
      this,
      "AWS-0053",
      props.cloudFrontOnly
        ? "CloudFront's origin, reached over the internet by its public name: internet-facing, but it admits only CloudFront's " +
            "origin-facing addresses on 443, answers 403 without the secret origin header, and reaches only the services' security groups."
        : "The public entry point of the app: it must be internet-facing. It serves HTTPS only (port 80 redirects) and reaches only " +
            "the services' security groups.",
    );
    if (!props.deletionProtection) {
      suppress(
        alb,
        "CKV_AWS_150",
        "Deletion protection follows protection.preventDestroy, off by this environment's preset: " +
          "it is rebuilt, not kept; prod protects it.",
      );
    }
  }

  /**
   * Another service's target group (`TargetGroup-<id>`) and the HTTPS listener rule
   * (`Rule-<id>`) that forwards its paths and hosts to it.
   */
  addRoutedTarget(id: string, target: LoadBalancerTarget, rule: Omit<ForwardRuleProps, "listenerArn" | "targetGroupArn">): TargetHandle {
    const tg = this.createTargetGroup(`TargetGroup-${id}`, target);
    if (target.protocol === "HTTP") {
      // Checkov passes an HTTP group only when a listener refers to it directly; a rule does not count.
      suppress(
        tg,
        "CKV_AWS_378",
        "Clients reach it only through the HTTPS listener (TLS 1.3/1.2) and a rule; the ALB-to-task hop stays in the VPC's private " +
          "subnets and the tasks' group admits only the ALB (README, Compute: TLS to the tasks).",
      );
    }
    // Behind CloudFront every rule also requires the origin header, or it would bypass the lock.
    const ready = forwardRule(this, `Rule-${id}`, {
      ...rule,
      listenerArn: this.httpsListenerArn,
      targetGroupArn: tg.arn,
      requiredHeader: this.originHeader,
    });
    return { targetGroupArn: tg.arn, arnSuffix: tg.arnSuffix, ready };
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

  /** An IP target group on the container port with a health check over the target's protocol. */
  private createTargetGroup(id: string, t: LoadBalancerTarget): LbTargetGroup {
    return new LbTargetGroup(this, id, {
      port: t.port,
      protocol: t.protocol,
      targetType: "ip",
      vpcId: this.vpcId,
      deregistrationDelay: String(t.deregistrationDelaySeconds),
      healthCheck: {
        enabled: true,
        path: t.healthCheckPath,
        protocol: t.protocol,
        matcher: "200-399",
        interval: 30,
        timeout: 5,
        healthyThreshold: 3,
        unhealthyThreshold: 3,
      },
      tags: { Name: t.name },
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
/** The highest priority a rule may have: the catch-all origin-header rule is evaluated after every path rule. */
const ORIGIN_HEADER_RULE_PRIORITY = 50000;

function forwardWithOriginHeader(
  scope: Construct,
  listener: LbListener,
  targetGroupArn: string,
  c: CloudFrontOnly,
): { header: { name: string; value: string }; rule: LbListenerRule } {
  const secret = new Password(scope, "OriginSecret", { length: c.secretLength, special: false });
  const rule = new LbListenerRule(scope, "OriginHeaderRule", {
    listenerArn: listener.arn,
    // Last: the services' path rules (which carry the header condition too) come first.
    priority: ORIGIN_HEADER_RULE_PRIORITY,
    condition: [{ httpHeader: { httpHeaderName: c.headerName, values: [secret.result] } }],
    action: [{ type: "forward", targetGroupArn }],
  });
  return { header: { name: c.headerName, value: secret.result }, rule };
}
