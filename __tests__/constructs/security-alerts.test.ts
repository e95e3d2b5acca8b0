import { CIS_FILTERS } from "../../constructs/security-alerts";
import { addressOf, appStackTf, baseSpec, referenced, resourcesOfType, type TfJson } from "../helpers";

const dev = appStackTf(baseSpec(), "dev");
const rules = (tf: TfJson) => resourcesOfType(tf, "aws_cloudwatch_event_rule");
const rule = (tf: TfJson, name: string) => rules(tf).find((r) => r.name === name)!;
const targetOf = (tf: TfJson, r: Record<string, any>) =>
  resourcesOfType(tf, "aws_cloudwatch_event_target").find((t) => t.rule === `\${${addressOf(tf, r)}.name}`)!;
const alarmTopic = (tf: TfJson) => resourcesOfType(tf, "aws_sns_topic").find((t) => t.name.endsWith("-alarms"))!;
const topicRef = (tf: TfJson) => `\${${addressOf(tf, alarmTopic(tf))}.arn}`;
const statement = (policy: string, sid: string) => JSON.parse(policy).Statement.find((s: any) => s.Sid === sid);
const withAlerts = (alerts: object, more: object = {}) => ({ ...baseSpec(), ...more, overrides: { alerts } });

/**
 * Trivy's CIS patterns (trivy-checks checks/cloud/aws/cloudwatch/require_*.rego): Trivy
 * passes a filter whose pattern contains one of these once whitespace is removed, and whose
 * metric an alarm watches.
 */
const TRIVY_PATTERNS: Record<string, string> = {
  "AWS-0147": '($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")',
  "AWS-0150":
    "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || " +
    "($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || " +
    "($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || " +
    "($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || " +
    "($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || " +
    "($.eventName=DetachGroupPolicy)}",
  "AWS-0151":
    "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || " +
    "($.eventName=StartLogging) || ($.eventName=StopLogging)}",
  "AWS-0153": "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
  "AWS-0154":
    "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || " +
    "($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || " +
    "($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || " +
    "($.eventName=DeleteBucketReplication))}",
  "AWS-0155":
    "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || " +
    "($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
  "AWS-0156":
    "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || " +
    "($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || " +
    "($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
  "AWS-0157":
    "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || " +
    "($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
};
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("SecurityAlerts", () => {
  it("mails GuardDuty findings of severity 7+ to the alarm topic, saying what, where and how severe", () => {
    const r = rule(dev, "demo-dev-guardduty-findings");
    expect(JSON.parse(r.event_pattern)).toEqual({
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { severity: [{ numeric: [">=", 7] }] },
    });
    const target = targetOf(dev, r);
    expect(target.arn).toBe(topicRef(dev));
    const { input_paths: paths, input_template: template } = target.input_transformer;
    expect(paths).toMatchObject({ severity: "$.detail.severity", type: "$.detail.type", region: "$.region", account: "$.account" });
    const message = JSON.parse(template) as string; // a plain-text e-mail, not raw JSON
    for (const p of ["<severity>", "<type>", "<title>", "<region>", "<account>", "<finding>"]) expect(message).toContain(p);
    // resource ids and finding metadata only: no field that could carry data (no description, no raw event)
    expect(Object.values(paths).every((p) => !/description|\$\.detail$|^\$$/.test(p as string))).toBe(true);
  });

  it("takes the minimum GuardDuty severity from config, per environment", () => {
    const spec = {
      ...baseSpec(),
      environments: { ...baseSpec().environments, prod: { accountId: "333333333333", overrides: { alerts: { guardDutyMinSeverity: 4 } } } },
    };
    const prod = appStackTf(spec, "prod");
    expect(JSON.parse(rule(prod, "demo-prod-guardduty-findings").event_pattern).detail.severity).toEqual([{ numeric: [">=", 4] }]);
    expect(JSON.parse(rule(appStackTf(spec, "staging"), "demo-staging-guardduty-findings").event_pattern).detail.severity).toEqual([
      { numeric: [">=", 7] },
    ]);
  });

  it("forwards the DR region's findings to the primary region's bus, where the rule mails them", () => {
    const spec = { ...baseSpec(), drRegion: "eu-west-1" as const, buckets: [{ name: "uploads", replicateIn: ["prod" as const] }] };
    const prod = appStackTf(spec, "prod");
    const dr = rules(prod).filter((r) => r.region === "eu-west-1");
    expect(dr).toHaveLength(1);
    expect(JSON.parse(dr[0].event_pattern)).toEqual(JSON.parse(rule(prod, "demo-prod-guardduty-findings").event_pattern));
    const target = targetOf(prod, dr[0]);
    expect(target).toMatchObject({ region: "eu-west-1", arn: "arn:aws:events:eu-central-1:333333333333:event-bus/default" });
    const role = referenced(prod, target.role_arn);
    const policy = resourcesOfType(prod, "aws_iam_role_policy").find((p) => p.role === `\${${addressOf(prod, role)}.id}`)!;
    expect(JSON.parse(policy.policy).Statement).toEqual([
      expect.objectContaining({ Action: "events:PutEvents", Resource: "arn:aws:events:eu-central-1:333333333333:event-bus/default" }),
    ]);
    // no DR detector in dev (nothing replicates there): no forwarding rule either
    expect(rules(appStackTf(spec, "dev")).filter((r) => r.region)).toEqual([]);
  });

  it("mails resources turning NON_COMPLIANT with this environment's Config rules", () => {
    const r = rule(dev, "demo-dev-config-noncompliant");
    const pattern = JSON.parse(r.event_pattern);
    expect(pattern).toMatchObject({ source: ["aws.config"], "detail-type": ["Config Rules Compliance Change"] });
    expect(pattern.detail.newEvaluationResult).toEqual({ complianceType: ["NON_COMPLIANT"] });
    expect(pattern.detail.configRuleName.sort()).toEqual(
      resourcesOfType(dev, "aws_config_config_rule")
        .map((c) => c.name)
        .sort(),
    );
    const target = targetOf(dev, r);
    expect(target.arn).toBe(topicRef(dev));
    const message = JSON.parse(target.input_transformer.input_template) as string;
    for (const p of ["<rule>", "<resourceType>", "<resource>", "<region>", "<account>", "severity"]) expect(message).toContain(p);
  });

  it("admits this account's rules of this environment to the alarm topic and its key, and no one else's", () => {
    const scope = {
      StringEquals: { "aws:SourceAccount": "111111111111" },
      ArnLike: { "aws:SourceArn": "arn:aws:events:eu-central-1:111111111111:rule/demo-dev-*" },
    };
    const topicPolicy = resourcesOfType(dev, "aws_sns_topic_policy").find((p) => p.arn === topicRef(dev))!;
    expect(statement(topicPolicy.policy, "AllowEventRulesToPublish")).toMatchObject({
      Effect: "Allow",
      Principal: { Service: ["events.amazonaws.com"] },
      Action: "sns:Publish",
      Condition: scope,
    });
    const key = referenced(dev, alarmTopic(dev).kms_master_key_id);
    expect(statement(key.policy, "AllowEventRulesToPublishToTopics")).toEqual({
      Sid: "AllowEventRulesToPublishToTopics",
      Effect: "Allow",
      Principal: { Service: ["events.amazonaws.com"] },
      Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
      Resource: "*",
      Condition: scope,
    });
  });

  it("alarms on each CIS metric filter of the trail's log group, as Trivy's checks expect", () => {
    const filters = resourcesOfType(dev, "aws_cloudwatch_log_metric_filter");
    const trailGroup = resourcesOfType(dev, "aws_cloudwatch_log_group").find((g) => g.name === "/aws/cloudtrail/demo-dev")!;
    const alarms = resourcesOfType(dev, "aws_cloudwatch_metric_alarm");
    expect(filters.map((f) => f.name).sort()).toEqual(
      [...CIS_FILTERS.map((f) => `demo-dev-cis-${f.name}`), "demo-dev-cis-audit-key-changes"].sort(),
    );
    for (const f of filters) {
      expect(f.log_group_name).toBe(`\${${addressOf(dev, trailGroup)}.name}`);
      // Trivy links a filter to its alarm by metric name == filter name
      const watching = alarms.filter((a) => a.metric_name === f.name);
      expect(watching.map((a) => [a.threshold, a.comparison_operator, a.statistic])).toEqual([[1, "GreaterThanOrEqualToThreshold", "Sum"]]);
      expect(watching[0].alarm_actions).toEqual([topicRef(dev)]);
      expect(f.metric_transformation.name).toBe(f.name);
    }
    for (const [id, pattern] of Object.entries(TRIVY_PATTERNS)) {
      const ours = CIS_FILTERS.find((f) => f.trivy === id)!;
      expect(squeeze(ours.pattern)).toContain(squeeze(pattern));
    }
  });

  it("follows CIS where Trivy's pattern is not valid filter syntax (AWS-0148 '==', AWS-0149 '&.eventType')", () => {
    const pattern = (name: string) => CIS_FILTERS.find((f) => f.name === name)!.pattern;
    expect(pattern("root-usage")).toBe(
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    );
    expect(pattern("console-signin-without-mfa")).toContain('($.additionalEventData.MFAUsed != "Yes")');
    expect(pattern("console-signin-without-mfa")).not.toContain("==");
  });

  it("watches the audit key on its own: disabled, scheduled for deletion or a new policy", () => {
    const f = resourcesOfType(dev, "aws_cloudwatch_log_metric_filter").find((x) => x.name === "demo-dev-cis-audit-key-changes")!;
    const auditKey = resourcesOfType(dev, "aws_kms_key").find((k) => k.description.startsWith("Audit evidence"))!;
    expect(f.pattern).toContain(`($.resources[0].ARN = "\${${addressOf(dev, auditKey)}.arn}")`);
    for (const e of ["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy"]) expect(f.pattern).toContain(`($.eventName=${e})`);
  });

  it("turns each part off with its switch, and with it the topic's and key's admission of EventBridge", () => {
    const off = appStackTf(withAlerts({ guardDutyFindings: false, configCompliance: false, cisMetricFilters: false }), "dev");
    expect(rules(off)).toEqual([]);
    expect(resourcesOfType(off, "aws_cloudwatch_log_metric_filter")).toEqual([]);
    expect(JSON.stringify(off.resource)).not.toContain("events.amazonaws.com");
    const noGuardDuty = appStackTf(withAlerts({ guardDutyFindings: false }), "dev");
    expect(rules(noGuardDuty).map((r) => r.name)).toEqual(["demo-dev-config-noncompliant"]);
    expect(resourcesOfType(noGuardDuty, "aws_cloudwatch_log_metric_filter").length).toBeGreaterThan(0);
  });

  it("alerts only on sources this stack creates: without the detector, recorder or trail, no rule or filter", () => {
    const spec = { ...baseSpec(), overrides: { audit: { guardDuty: false, awsConfig: false, cloudTrail: false } } };
    const tf = appStackTf(spec, "dev");
    expect(rules(tf)).toEqual([]);
    expect(resourcesOfType(tf, "aws_cloudwatch_log_metric_filter")).toEqual([]);
  });
});
