import { Construct } from "constructs";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { AlarmPair } from "./alarm-pair";

export interface LogMetricAlarmProps {
  /** Base name of the filter, metric and alarms. */
  readonly name: string;
  readonly logGroupName: string;
  /** CloudWatch Logs filter pattern. */
  readonly pattern: string;
  /** Namespace of the custom metric, `<app>/<env>`. */
  readonly namespace: string;
  /** @default - no warning alarm, only the critical one */
  readonly warning?: number;
  readonly critical: number;
  /** What a match means, for the alarm's e-mail. @default - the name and the pattern */
  readonly description?: string;
  readonly periodSeconds: number;
  readonly topicArn: string;
}

/** Counts log lines that match a pattern and alarms on the count (R4: failed logins > 10/min). */
export class LogMetricAlarm extends Construct {
  public readonly alarms: AlarmPair;

  constructor(scope: Construct, id: string, props: LogMetricAlarmProps) {
    super(scope, id);
    new CloudwatchLogMetricFilter(this, "Filter", {
      name: props.name,
      logGroupName: props.logGroupName,
      pattern: props.pattern,
      metricTransformation: { name: props.name, namespace: props.namespace, value: "1", defaultValue: "0" },
    });
    this.alarms = new AlarmPair(this, "Alarms", {
      alarmName: props.name,
      description: props.description ?? `${props.name}: log lines matching ${props.pattern} per ${props.periodSeconds} s`,
      metric: { namespace: props.namespace, metricName: props.name, statistic: "Sum" },
      warning: props.warning,
      critical: props.critical,
      comparison: "GreaterThanOrEqualToThreshold",
      periodSeconds: props.periodSeconds,
      topicArn: props.topicArn,
    });
  }
}
