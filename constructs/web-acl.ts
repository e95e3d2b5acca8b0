import { Construct } from "constructs";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { Wafv2WebAcl, type Wafv2WebAclRule } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { LogGroup } from "./log-group";
import { policyDocument } from "./policy-document";

/** Name of the rate-based rule, first in the web ACL. */
export const RATE_RULE_NAME = "RateLimitPerIp";

export interface WebAclProps {
  /** Web ACL name, also its CloudWatch metric name. */
  readonly name: string;
  /** AWS managed rule groups, enforced in this order after the rate rule. */
  readonly managedRuleGroups: readonly string[];
  /** Requests one IP may send in 5 minutes; more are blocked. */
  readonly rateLimitPer5Min: number;
  /** ARNs of the regional resources it protects (the ALB). */
  readonly protectedArns: readonly string[];
  readonly logs: {
    /** Must start with `aws-waf-logs-` (WAF logs to no other name). */
    readonly groupName: string;
    readonly retentionDays: number;
    /** CMK whose policy admits logs.<region>.amazonaws.com for this group. */
    readonly kmsKeyArn: string;
    /** Headers written as REDACTED (lower case). */
    readonly redactedHeaders: readonly string[];
  };
  readonly accountId: string;
  /** Region of the web ACL and its logs (us-east-1 for CLOUDFRONT scope). */
  readonly region: string;
  readonly partition: string;
  /**
   * REGIONAL (an ALB, App Runner) or CLOUDFRONT (a distribution names it in web_acl_id;
   * `protectedArns` stays empty). @default "REGIONAL"
   */
  readonly scope?: "REGIONAL" | "CLOUDFRONT";
  /**
   * Create the ACL and its logs in `region` although the provider's differs (CLOUDFRONT
   * scope from an app outside us-east-1). @default false
   */
  readonly placeInRegion?: boolean;
}

/**
 * A WAFv2 web ACL (REGIONAL, or CLOUDFRONT in us-east-1): default allow, a per-IP rate rule that blocks, then AWS
 * managed rule groups enforcing their own actions (override none); metrics and sampled
 * requests on for each. Associated with the resources it protects, and logging to a
 * KMS-encrypted log group whose resource policy admits only this account's log delivery,
 * with credentials and cookies redacted.
 */
export class WebAcl extends Construct {
  public readonly webAclArn: string;
  public readonly webAclName: string;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    if (!props.logs.groupName.startsWith("aws-waf-logs-")) {
      throw new Error(`WebAcl: \`logs.groupName\` must start with aws-waf-logs- (got ${props.logs.groupName}).`);
    }
    const aclScope = props.scope ?? "REGIONAL";
    if (aclScope === "CLOUDFRONT" && props.protectedArns.length > 0) {
      throw new Error(`WebAcl: a CLOUDFRONT-scope web ACL is named by its distribution; \`protectedArns\` must be empty.`);
    }
    const here = props.placeInRegion ? { region: props.region } : {};
    const acl = new Wafv2WebAcl(this, "WebAcl", {
      name: props.name,
      description: `${props.name}: rate limit and AWS managed rule groups`,
      scope: aclScope,
      ...here,
      defaultAction: { allow: {} },
      rule: [rateRule(props.rateLimitPer5Min), ...props.managedRuleGroups.map((g, i) => managedRule(g, i + 1))],
      visibilityConfig: visibility(props.name),
    });
    this.webAclArn = acl.arn;
    this.webAclName = acl.name;
    props.protectedArns.forEach((arn, i) => {
      new Wafv2WebAclAssociation(this, `Association${i}`, { resourceArn: arn, webAclArn: acl.arn });
    });
    this.logGroup = new LogGroup(this, "LogGroup", {
      logGroupName: props.logs.groupName,
      retentionDays: props.logs.retentionDays,
      kmsKeyArn: props.logs.kmsKeyArn,
      ...here,
    });
    const policy = this.createLogPolicy(props);
    new Wafv2WebAclLoggingConfiguration(this, "Logging", {
      resourceArn: acl.arn,
      logDestinationConfigs: [this.logGroup.logGroupArn],
      redactedFields: props.logs.redactedHeaders.map((name) => ({ singleHeader: { name } })),
      dependsOn: [policy, this.logGroup.created],
      ...here,
    });
  }

  /**
   * WAF delivers to CloudWatch Logs through log delivery, which needs a resource policy on
   * the group; AWS would write a broad one itself if the deployer may. This one admits
   * delivery for this account only, to this group's streams.
   */
  private createLogPolicy(props: WebAclProps): CloudwatchLogResourcePolicy {
    const logs = `arn:${props.partition}:logs:${props.region}:${props.accountId}`;
    return new CloudwatchLogResourcePolicy(this, "LogPolicy", {
      policyName: props.logs.groupName,
      policyDocument: policyDocument([
        {
          Sid: "AllowWafLogDelivery",
          Effect: "Allow",
          Principal: { Service: "delivery.logs.amazonaws.com" },
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `${logs}:log-group:${props.logs.groupName}:log-stream:*`,
          Condition: { StringEquals: { "aws:SourceAccount": props.accountId }, ArnLike: { "aws:SourceArn": `${logs}:*` } },
        },
      ]),
      ...(props.placeInRegion ? { region: props.region } : {}),
    });
  }
}

/** CloudWatch metrics and sampled requests, under `metricName`. */
function visibility(metricName: string) {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/** Block an IP that sends more than `limit` requests in 5 minutes. */
function rateRule(limit: number): Wafv2WebAclRule {
  return {
    name: RATE_RULE_NAME,
    priority: 0,
    action: { block: {} },
    // `statement` is untyped in the bindings: Terraform's own (snake_case) names.
    statement: { rate_based_statement: { limit, aggregate_key_type: "IP", evaluation_window_sec: 300 } },
    visibilityConfig: visibility(RATE_RULE_NAME),
  };
}

/** An AWS managed group that enforces its rules' own actions (none overridden to count). */
function managedRule(name: string, priority: number): Wafv2WebAclRule {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } },
    visibilityConfig: visibility(name),
  };
}
