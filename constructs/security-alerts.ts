import { Construct } from "constructs";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { LogMetricAlarm } from "./log-metric-alarm";
import { ServiceRole } from "./service-role";

/** A CIS-style metric filter on the trail's log group: a match is an incident. */
export interface CisFilter {
  /** Base of the filter, metric and alarm names: `<app>-<env>-cis-<name>`. */
  readonly name: string;
  /** What a match means, for the alarm's e-mail. */
  readonly description: string;
  /** CloudWatch Logs filter pattern over CloudTrail records. */
  readonly pattern: string;
  /** Trivy's check for the same CIS control, when it has one (its pattern is inside ours). */
  readonly trivy?: string;
}

const anyEvent = (names: readonly string[]) => names.map((n) => `($.eventName=${n})`).join(" || ");

/**
 * CIS AWS Foundations 4.x (3.x before 1.4) metric filters. Where Trivy checks the control,
 * our pattern contains Trivy's (whitespace aside), which is how Trivy matches; two of
 * Trivy's patterns are not valid filter syntax, and there we follow CIS (see the test).
 */
export const CIS_FILTERS: readonly CisFilter[] = [
  {
    name: "root-usage",
    description: "The root user made a call (CIS 4.3). Use of root is never routine.",
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    name: "unauthorized-api-calls",
    description: "A call was denied (CIS 4.1): probing, or a role missing a permission.",
    // CIS 1.5+: S3 log delivery and HeadBucket probes are routine denials.
    pattern:
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ' +
      '($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    trivy: "AWS-0147",
  },
  {
    name: "console-signin-without-mfa",
    description: "An IAM user signed in to the console without MFA (CIS 4.2).",
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ' +
      '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    name: "iam-policy-changes",
    description: "An IAM policy was created, changed, attached or detached (CIS 4.4).",
    pattern: `{${anyEvent([
      "DeleteGroupPolicy",
      "DeleteRolePolicy",
      "DeleteUserPolicy",
      "PutGroupPolicy",
      "PutRolePolicy",
      "PutUserPolicy",
      "CreatePolicy",
      "DeletePolicy",
      "CreatePolicyVersion",
      "DeletePolicyVersion",
      "AttachRolePolicy",
      "DetachRolePolicy",
      "AttachUserPolicy",
      "DetachUserPolicy",
      "AttachGroupPolicy",
      "DetachGroupPolicy",
    ])}}`,
    trivy: "AWS-0150",
  },
  {
    name: "cloudtrail-changes",
    description: "A trail was created, changed, deleted, started or stopped (CIS 4.5): audit logging may have a gap.",
    pattern: `{${anyEvent(["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"])}}`,
    trivy: "AWS-0151",
  },
  {
    name: "config-changes",
    description: "AWS Config recording or delivery was stopped or changed (CIS 4.9): compliance evidence may have a gap.",
    pattern:
      "{($.eventSource=config.amazonaws.com) && " +
      `(${anyEvent(["StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"])})}`,
    trivy: "AWS-0155",
  },
  {
    name: "kms-key-disabled-or-deleted",
    description: "A customer managed key was disabled or scheduled for deletion (CIS 4.7): data under it becomes unreadable.",
    pattern: `{($.eventSource=kms.amazonaws.com) && (${anyEvent(["DisableKey", "ScheduleKeyDeletion"])})}`,
    trivy: "AWS-0153",
  },
  {
    name: "s3-bucket-policy-changes",
    description: "A bucket policy, ACL, CORS, lifecycle or replication setting changed (CIS 4.8).",
    pattern:
      "{($.eventSource=s3.amazonaws.com) && (" +
      anyEvent([
        "PutBucketAcl",
        "PutBucketPolicy",
        "PutBucketCors",
        "PutBucketLifecycle",
        "PutBucketReplication",
        "DeleteBucketPolicy",
        "DeleteBucketCors",
        "DeleteBucketLifecycle",
        "DeleteBucketReplication",
      ]) +
      ")}",
    trivy: "AWS-0154",
  },
  {
    name: "security-group-changes",
    description: "A security group or its rules changed (CIS 4.10).",
    pattern: `{${anyEvent([
      "AuthorizeSecurityGroupIngress",
      "AuthorizeSecurityGroupEgress",
      "RevokeSecurityGroupIngress",
      "RevokeSecurityGroupEgress",
      "CreateSecurityGroup",
      "DeleteSecurityGroup",
    ])}}`,
    trivy: "AWS-0156",
  },
  {
    name: "nacl-changes",
    description: "A network ACL or its entries changed (CIS 4.11).",
    pattern: `{${anyEvent([
      "CreateNetworkAcl",
      "CreateNetworkAclEntry",
      "DeleteNetworkAcl",
      "DeleteNetworkAclEntry",
      "ReplaceNetworkAclEntry",
      "ReplaceNetworkAclAssociation",
    ])}}`,
    trivy: "AWS-0157",
  },
];

/** Seconds a CIS alarm counts matches over; one match raises it. */
const CIS_PERIOD_SECONDS = 300;

export interface SecurityAlertsProps {
  /** `<app>-<env>`: rules are `<app>-<env>-...`, which the alarm topic's policies admit. */
  readonly namePrefix: string;
  /** Namespace of the CIS metrics, `<app>/<env>`. */
  readonly metricNamespace: string;
  readonly partition: string;
  /** The provider's region: rules and the alarm topic live here. */
  readonly region: string;
  readonly accountId: string;
  /**
   * The alarm topic. Its policy and key must admit this environment's rules
   * (`eventRulePublisher`): without that, EventBridge drops every message.
   */
  readonly topicArn: string;
  /**
   * GuardDuty findings at or above `minSeverity`; `drRegion`: a detector there too, whose
   * findings a rule of that region forwards to this region's default bus. @default - none
   */
  readonly guardDuty?: { readonly minSeverity: number; readonly drRegion?: string };
  /** AWS Config rules whose resources turning NON_COMPLIANT are mailed. @default - none */
  readonly configRuleNames?: readonly string[];
  /**
   * The trail's CloudWatch Logs group gets the CIS filters; with `auditKeyArn`, any change
   * to the audit key's state or policy alarms on its own. @default - none
   */
  readonly trail?: { readonly logGroupName: string; readonly auditKeyArn?: string };
}

/**
 * Security events mailed to the alarm topic (HIPAA 164.308(a)(1)(ii)(D), 164.312(b)):
 * GuardDuty findings and AWS Config NON_COMPLIANT changes through EventBridge rules whose
 * input transformers say what, where and how severe (resource ids only, never data), and
 * CIS metric filters with alarms on the trail's log group.
 */
export class SecurityAlerts extends Construct {
  /** ARNs of the CIS alarms, for the dashboard. */
  public readonly alarmArns: string[] = [];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: SecurityAlertsProps,
  ) {
    super(scope, id);
    if (props.guardDuty) this.guardDutyFindings(props.guardDuty.minSeverity, props.guardDuty.drRegion);
    if (props.configRuleNames?.length) this.configCompliance(props.configRuleNames);
    if (props.trail) this.cisFilters(props.trail.logGroupName, props.trail.auditKeyArn);
  }

  /** A rule mailing matching events, through an input transformer, to the alarm topic. */
  private mailRule(id: string, name: string, description: string, pattern: object, message: Message): void {
    const rule = new CloudwatchEventRule(this, id, {
      name: `${this.props.namePrefix}-${name}`,
      description,
      eventPattern: JSON.stringify(pattern),
    });
    new CloudwatchEventTarget(this, `${id}Target`, {
      rule: rule.name,
      targetId: "alarm-topic",
      arn: this.props.topicArn,
      inputTransformer: { inputPaths: message.paths, inputTemplate: JSON.stringify(message.template) },
    });
  }

  private guardDutyFindings(minSeverity: number, drRegion?: string): void {
    const pattern = {
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { severity: [{ numeric: [">=", minSeverity] }] },
    };
    const paths = {
      severity: "$.detail.severity",
      type: "$.detail.type",
      title: "$.detail.title",
      account: "$.account",
      region: "$.region",
      resource: "$.detail.resource.resourceType",
      finding: "$.detail.id",
      time: "$.time",
    };
    this.mailRule("GuardDutyFindings", "guardduty-findings", `GuardDuty findings of severity ${minSeverity}+ to the alarm topic`, pattern, {
      paths,
      template:
        "GuardDuty finding, severity <severity> (7-8.9 high, 9-10 critical), in account <account>, region <region>: " +
        "<title> Type <type>, resource type <resource>, finding <finding>, at <time>. " +
        "Open the finding in the GuardDuty console of that region.",
    });
    if (drRegion) this.forwardFindings(drRegion, pattern);
  }

  /**
   * EventBridge targets an SNS topic of its own region only: the DR region's findings go to
   * this region's default bus, where the rule above mails them (the event keeps its region).
   */
  private forwardFindings(drRegion: string, pattern: object): void {
    const { partition, region, accountId, namePrefix } = this.props;
    const bus = `arn:${partition}:events:${region}:${accountId}:event-bus/default`;
    const role = new ServiceRole(this, "ForwardRole", {
      roleName: `${namePrefix}-guardduty-forward`,
      service: "events.amazonaws.com",
      sourceAccountId: accountId,
      description: `Forwards GuardDuty findings of ${drRegion} to the default event bus of ${region}`,
      statements: [{ Sid: "PutEventsOnPrimaryBus", Effect: "Allow", Action: "events:PutEvents", Resource: bus }],
    });
    const rule = new CloudwatchEventRule(this, "DrGuardDutyFindings", {
      name: `${namePrefix}-guardduty-to-${region}`, // 64 characters at most
      description: `GuardDuty findings of ${drRegion} to ${region}, where they are mailed`,
      eventPattern: JSON.stringify(pattern),
      region: drRegion,
    });
    new CloudwatchEventTarget(this, "DrGuardDutyFindingsTarget", {
      rule: rule.name,
      targetId: "primary-bus",
      arn: bus,
      roleArn: role.roleArn,
      region: drRegion,
    });
  }

  private configCompliance(ruleNames: readonly string[]): void {
    const pattern = {
      source: ["aws.config"],
      "detail-type": ["Config Rules Compliance Change"],
      detail: {
        messageType: ["ComplianceChangeNotification"],
        configRuleName: [...ruleNames],
        newEvaluationResult: { complianceType: ["NON_COMPLIANT"] },
      },
    };
    const paths = {
      rule: "$.detail.configRuleName",
      resourceType: "$.detail.resourceType",
      resource: "$.detail.resourceId",
      account: "$.detail.awsAccountId",
      region: "$.detail.awsRegion",
      time: "$.time",
    };
    this.mailRule(
      "ConfigNonCompliant",
      "config-noncompliant",
      "Resources turning NON_COMPLIANT with this environment's Config rules",
      pattern,
      {
        paths,
        template:
          "AWS Config, severity high (a HIPAA safeguard check failed): <resourceType> <resource> in account <account>, " +
          "region <region>, is NON_COMPLIANT with rule <rule> since <time>. See the rule in the AWS Config console.",
      },
    );
  }

  private cisFilters(logGroupName: string, auditKeyArn?: string): void {
    const filters = [...CIS_FILTERS, ...(auditKeyArn ? [auditKeyFilter(auditKeyArn)] : [])];
    for (const f of filters) {
      const alarm = new LogMetricAlarm(this, `Cis-${f.name}`, {
        name: `${this.props.namePrefix}-cis-${f.name}`,
        description: f.description,
        logGroupName,
        pattern: f.pattern,
        namespace: this.props.metricNamespace,
        critical: 1,
        periodSeconds: CIS_PERIOD_SECONDS,
        topicArn: this.props.topicArn,
      });
      this.alarmArns.push(...alarm.alarms.alarmArns);
    }
  }
}

/** What an alert e-mail says: `<name>` placeholders filled from the event's JSON paths. */
interface Message {
  readonly paths: Record<string, string>;
  readonly template: string;
}

/** The audit key disabled, scheduled for deletion or given a new policy: evidence at risk. */
function auditKeyFilter(keyArn: string): CisFilter {
  return {
    name: "audit-key-changes",
    description: "The audit key was disabled, scheduled for deletion or given a new policy: audit evidence may become unreadable.",
    pattern:
      `{($.eventSource=kms.amazonaws.com) && (${anyEvent(["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy"])}) && ` +
      `($.resources[0].ARN = "${keyArn}")}`,
  };
}
