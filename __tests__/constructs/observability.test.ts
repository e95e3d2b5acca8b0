import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AlarmPair } from "../../constructs/alarm-pair";
import { Observability } from "../../constructs/observability";
import { appStackTf, baseSpec, onlyResource, resourcesOfType, synthStack } from "../helpers";

function observabilityStack(alarmEmails = ["oncall@example.com", "sec@example.com"]) {
  const stack = new TerraformStack(new App(), "obs");
  new AwsProvider(stack, "aws", { region: "eu-central-1" });
  const obs = new Observability(stack, "Observability", {
    namePrefix: "demo-prod",
    metricNamespace: "demo/prod",
    region: "eu-central-1",
    accountId: "333333333333",
    kmsKeyArn: "arn:aws:kms:eu-central-1:333333333333:key/abc",
    alarmEmails,
    appLogGroup: { name: "/demo/prod/app", retentionDays: 365 },
    logMetricAlarms: [{ name: "failed-logins", pattern: '{ $.event = "login_failed" }', warning: 5, critical: 10, periodSeconds: 60 }],
    budget: { monthlyLimitUsd: 600, alertThresholdsPercent: [50, 80, 100] },
  });
  return { stack, obs };
}

describe("Observability", () => {
  it("encrypts the alarm topic with the CMK and lets only this account's services publish", () => {
    const tf = synthStack(observabilityStack().stack);
    expect(onlyResource(tf, "aws_sns_topic")).toMatchObject({
      name: "demo-prod-alarms",
      kms_master_key_id: "arn:aws:kms:eu-central-1:333333333333:key/abc",
    });
    const policy = JSON.parse(onlyResource(tf, "aws_sns_topic_policy").policy);
    expect(policy.Statement[0]).toMatchObject({
      Effect: "Allow",
      Action: "sns:Publish",
      Condition: { StringEquals: { "aws:SourceAccount": "333333333333" } },
    });
    // CloudTrail's log-file notices go to the trail's own topic (Audit), never to people
    expect(policy.Statement[0].Principal.Service).toEqual(["cloudwatch.amazonaws.com", "budgets.amazonaws.com"]);
    expect(policy.Statement[1]).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    expect(resourcesOfType(tf, "aws_sns_topic_subscription").map((s) => s.endpoint)).toEqual(["oncall@example.com", "sec@example.com"]);
  });

  it("keys e-mail subscriptions by address: removing one leaves the others' addresses alone", () => {
    const addressOf = (emails: string[]) =>
      Object.fromEntries(
        Object.entries(synthStack(observabilityStack(emails).stack).resource!.aws_sns_topic_subscription).map(
          ([name, s]: [string, any]) => [s.endpoint, name],
        ),
      );
    const before = addressOf(["oncall@example.com", "sec@example.com"]);
    const after = addressOf(["sec@example.com"]);
    expect(after["sec@example.com"]).toBe(before["sec@example.com"]);
    expect(Object.keys(after)).toEqual(["sec@example.com"]);
  });

  it("creates warning/critical pairs from one declaration (R1 thresholds) and shows them on the dashboard", () => {
    const { stack, obs } = observabilityStack();
    obs.addAlarmPair("Latency", "API latency", {
      name: "api-latency-p95",
      description: "service latency p95 (ms)",
      metric: { namespace: "AWS/AppRunner", metricName: "RequestLatency", dimensions: { ServiceName: "api" }, extendedStatistic: "p95" },
      warning: 1000,
      critical: 2000,
    });
    obs.addAlarmPair("Errors", "5xx", {
      name: "api-5xx",
      description: "5xx per 5 min",
      metric: { namespace: "AWS/AppRunner", metricName: "5xxStatusResponses", statistic: "Sum" },
      warning: 5,
      critical: 10,
    });
    const tf = synthStack(stack);
    const alarms = resourcesOfType(tf, "aws_cloudwatch_metric_alarm");
    const latency = alarms.filter((a) => a.alarm_name.startsWith("demo-prod-api-latency-p95"));
    expect(latency.map((a) => [a.alarm_name, a.threshold, a.extended_statistic]).sort((x, y) => x[1] - y[1])).toEqual([
      ["demo-prod-api-latency-p95-warning", 1000, "p95"],
      ["demo-prod-api-latency-p95-critical", 2000, "p95"],
    ]);
    for (const a of alarms) {
      expect(a.actions_enabled).toBe(true);
      expect(a.alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\./)]);
      expect(a.ok_actions).toEqual(a.alarm_actions);
    }
    const body = JSON.parse(onlyResource(tf, "aws_cloudwatch_dashboard").dashboard_body);
    const alarmWidgets = body.widgets.filter((w: any) => w.type === "alarm");
    expect(alarmWidgets.map((w: any) => w.properties.title)).toEqual(["failed-logins", "API latency", "5xx"]);
    expect(alarmWidgets[1].properties.alarms).toHaveLength(2);
    expect(body.widgets.find((w: any) => w.type === "log").properties.query).toContain("SOURCE '/demo/prod/app'");
  });

  it("refuses a critical threshold on the wrong side of the warning one", () => {
    const stack = new TerraformStack(new App(), "x");
    const metric = { namespace: "AWS/RDS", metricName: "FreeStorageSpace" };
    expect(
      () => new AlarmPair(stack, "A", { alarmName: "a", description: "d", metric, warning: 80, critical: 70, topicArn: "arn" }),
    ).toThrow(/`critical` \(70\) must be above `warning` \(80\)/);
    expect(
      () =>
        new AlarmPair(stack, "B", {
          alarmName: "b",
          description: "d",
          metric,
          warning: 10,
          critical: 5,
          comparison: "LessThanThreshold",
          topicArn: "arn",
        }),
    ).not.toThrow();
  });

  it("counts failed logins from the app log group and alarms at 5 and 10 per minute (R4)", () => {
    const tf = synthStack(observabilityStack().stack);
    expect(onlyResource(tf, "aws_cloudwatch_log_metric_filter")).toMatchObject({
      log_group_name: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\./),
      pattern: '{ $.event = "login_failed" }',
      metric_transformation: { name: "demo-prod-failed-logins", namespace: "demo/prod", value: "1", default_value: "0" },
    });
    const alarms = resourcesOfType(tf, "aws_cloudwatch_metric_alarm");
    expect(alarms.map((a) => [a.threshold, a.statistic, a.period, a.comparison_operator]).sort((x, y) => x[0] - y[0])).toEqual([
      [5, "Sum", 60, "GreaterThanOrEqualToThreshold"],
      [10, "Sum", 60, "GreaterThanOrEqualToThreshold"],
    ]);
  });

  it("budgets monthly cost with actual thresholds and a forecast alert", () => {
    const budget = onlyResource(synthStack(observabilityStack().stack), "aws_budgets_budget");
    expect(budget).toMatchObject({
      name: "demo-prod-monthly",
      budget_type: "COST",
      limit_amount: "600.00",
      limit_unit: "USD",
      time_unit: "MONTHLY",
    });
    expect(budget.notification.map((n: any) => [n.notification_type, n.threshold])).toEqual([
      ["ACTUAL", 50],
      ["ACTUAL", 80],
      ["ACTUAL", 100],
      ["FORECASTED", 100],
    ]);
    expect(budget.notification[0].subscriber_email_addresses).toEqual(["oncall@example.com", "sec@example.com"]);
  });

  it("keeps app logs 365 days and uses per-environment budgets from the presets", () => {
    const dev = appStackTf(baseSpec(), "dev");
    const prod = appStackTf(baseSpec(), "prod");
    expect(resourcesOfType(dev, "aws_cloudwatch_log_group").find((g) => g.name === "/demo/dev/app")!.retention_in_days).toBe(365);
    expect(onlyResource(dev, "aws_budgets_budget").limit_amount).toBe("200.00");
    expect(onlyResource(prod, "aws_budgets_budget").limit_amount).toBe("1000.00");
  });
});
