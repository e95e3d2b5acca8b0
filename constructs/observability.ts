import { Construct } from "constructs";
import { AlarmPair, type AlarmPairProps } from "./alarm-pair";
import { Budget } from "./budget";
import { Dashboard } from "./dashboard";
import { EncryptedTopic } from "./encrypted-topic";
import { LogGroup } from "./log-group";
import { LogMetricAlarm } from "./log-metric-alarm";
import { ALARM_TOPIC_PUBLISHERS, type TopicPublisher } from "./policy-document";

export interface ObservabilityProps {
  /** `<app>-<env>`. */
  readonly namePrefix: string;
  /** Namespace of the app's custom metrics, `<app>/<env>`. */
  readonly metricNamespace: string;
  readonly region: string;
  readonly accountId: string;
  /** CMK for the topic and log groups. */
  readonly kmsKeyArn: string;
  /** @default - none */
  readonly alarmEmails?: readonly string[];
  /** The application's log group (containers write here). */
  readonly appLogGroup: { readonly name: string; readonly retentionDays: number };
  /** Warning/critical alarms on patterns in the app log group (R4: failed logins). @default - none */
  readonly logMetricAlarms?: readonly {
    readonly name: string;
    readonly pattern: string;
    readonly warning: number;
    readonly critical: number;
    readonly periodSeconds: number;
  }[];
  readonly budget: { readonly monthlyLimitUsd: number; readonly alertThresholdsPercent: readonly number[] };
  /**
   * EventBridge rules that publish to the alarm topic (security alerts); the key
   * `kmsKeyArn` must admit them too (`topicPublisherKeyStatement`). @default - none
   */
  readonly eventRules?: TopicPublisher;
  /**
   * Other services that publish to the alarm topic (the data tier's backup vault and RDS
   * events), each under its condition; the key must admit them too. @default - none
   */
  readonly publishers?: readonly TopicPublisher[];
  /** Filter policy of the email subscriptions (EncryptedTopicProps.emailFilterPolicy). @default - none */
  readonly emailFilterPolicy?: string;
}

/**
 * What the environment is watched with: the CMK-encrypted alarm topic with email
 * subscriptions, the app log group, log-pattern alarms, a cost budget, and a dashboard that
 * shows every alarm pair added through `addAlarmPair`.
 */
export class Observability extends Construct {
  public readonly topic: EncryptedTopic;
  public readonly appLogGroup: LogGroup;
  public readonly dashboard: Dashboard;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ObservabilityProps,
  ) {
    super(scope, id);
    this.topic = new EncryptedTopic(this, "AlarmTopic", {
      topicName: `${props.namePrefix}-alarms`,
      kmsKeyArn: props.kmsKeyArn,
      publishers: [
        {
          sid: "AllowServicesToPublish",
          services: ALARM_TOPIC_PUBLISHERS,
          condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
        },
        ...(props.eventRules ? [props.eventRules] : []),
        ...(props.publishers ?? []),
      ],
      emails: props.alarmEmails,
      emailFilterPolicy: props.emailFilterPolicy,
    });
    this.appLogGroup = new LogGroup(this, "AppLogGroup", {
      logGroupName: props.appLogGroup.name,
      retentionDays: props.appLogGroup.retentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    this.dashboard = new Dashboard(this, "Dashboard", {
      dashboardName: props.namePrefix,
      region: props.region,
      logGroupNames: [props.appLogGroup.name],
    });
    for (const a of props.logMetricAlarms ?? []) {
      const alarm = new LogMetricAlarm(this, `LogMetricAlarm-${a.name}`, {
        name: `${props.namePrefix}-${a.name}`,
        logGroupName: this.appLogGroup.logGroupName,
        pattern: a.pattern,
        namespace: props.metricNamespace,
        warning: a.warning,
        critical: a.critical,
        periodSeconds: a.periodSeconds,
        topicArn: this.topic.topicArn,
      });
      this.dashboard.addAlarms(a.name, alarm.alarms.alarmArns);
    }
    new Budget(this, "Budget", {
      budgetName: `${props.namePrefix}-monthly`,
      monthlyLimitUsd: props.budget.monthlyLimitUsd,
      alertThresholdsPercent: props.budget.alertThresholdsPercent,
      topicArn: this.topic.topicArn,
      emails: props.alarmEmails,
    });
  }

  /** A warning/critical pair notifying the alarm topic, shown on the dashboard under `title`. */
  addAlarmPair(id: string, title: string, props: Omit<AlarmPairProps, "topicArn" | "alarmName"> & { readonly name: string }): AlarmPair {
    const { name, ...rest } = props;
    const pair = new AlarmPair(this, id, { ...rest, alarmName: `${this.props.namePrefix}-${name}`, topicArn: this.topic.topicArn });
    this.dashboard.addAlarms(title, pair.alarmArns);
    return pair;
  }
}
