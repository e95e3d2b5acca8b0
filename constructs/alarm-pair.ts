import { Construct } from "constructs";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";

/** The metric an alarm pair watches. */
export interface AlarmMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions?: Readonly<Record<string, string>>;
  /** Average, Sum, Maximum, ... @default - see extendedStatistic, else Average */
  readonly statistic?: string;
  /** A percentile such as p95; replaces `statistic`. @default - none */
  readonly extendedStatistic?: string;
}

export interface AlarmPairProps {
  /** Base name; the alarms are `<name>-warning` and `<name>-critical`. */
  readonly alarmName: string;
  readonly description: string;
  readonly metric: AlarmMetric;
  /**
   * Threshold of the warning alarm.
   * @default - no warning alarm, only the critical one: any occurrence is an incident (a security event)
   */
  readonly warning?: number;
  /** Threshold of the critical alarm; must be beyond the warning one in the comparison's direction. */
  readonly critical: number;
  /** @default GreaterThanThreshold */
  readonly comparison?: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";
  /** @default 300 */
  readonly periodSeconds?: number;
  /** @default 1 */
  readonly evaluationPeriods?: number;
  /** @default notBreaching: no data is not an incident (a missing metric has its own alarm where it matters) */
  readonly treatMissingData?: "missing" | "ignore" | "breaching" | "notBreaching";
  /** Topic that gets ALARM and OK notifications. */
  readonly topicArn: string;
}

/**
 * Two alarms from one declaration: a warning and a critical threshold on the same metric,
 * both notifying the alarm topic (R1: latency p95 > 1 s / > 2 s, and so on); without a
 * warning threshold, the critical alarm alone.
 */
export class AlarmPair extends Construct {
  public readonly alarmArns: string[];
  public readonly alarmNames: string[];

  constructor(scope: Construct, id: string, props: AlarmPairProps) {
    super(scope, id);
    const comparison = props.comparison ?? "GreaterThanThreshold";
    const upward = comparison.startsWith("Greater");
    const { warning } = props;
    if (warning !== undefined && (upward ? props.critical < warning : props.critical > warning)) {
      throw new Error(
        `AlarmPair ${props.alarmName}: \`critical\` (${props.critical}) must be ${upward ? "above" : "below"} \`warning\` (${props.warning}).`,
      );
    }
    const levels = warning === undefined ? (["critical"] as const) : (["warning", "critical"] as const);
    const alarms = levels.map(
      (level) =>
        new CloudwatchMetricAlarm(this, level === "warning" ? "Warning" : "Critical", {
          alarmName: `${props.alarmName}-${level}`,
          alarmDescription: `${level.toUpperCase()}: ${props.description}`,
          namespace: props.metric.namespace,
          metricName: props.metric.metricName,
          dimensions: props.metric.dimensions ? { ...props.metric.dimensions } : undefined,
          ...(props.metric.extendedStatistic
            ? { extendedStatistic: props.metric.extendedStatistic }
            : { statistic: props.metric.statistic ?? "Average" }),
          comparisonOperator: comparison,
          threshold: level === "warning" ? warning : props.critical,
          period: props.periodSeconds ?? 300,
          evaluationPeriods: props.evaluationPeriods ?? 1,
          treatMissingData: props.treatMissingData ?? "notBreaching",
          actionsEnabled: true,
          alarmActions: [props.topicArn],
          okActions: [props.topicArn],
        }),
    );
    this.alarmArns = alarms.map((a) => a.arn);
    this.alarmNames = alarms.map((a) => a.alarmName);
  }
}
