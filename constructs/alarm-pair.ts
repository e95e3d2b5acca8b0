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

/**
 * A CloudWatch metric math expression over named metrics (R4/R5's error rate: 5xx / requests
 * * 100). Guard zero and missing data in the expression itself (FILL, IF).
 */
export interface AlarmExpression {
  /** e.g. `IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / FILL(requests, 0), 0)`. */
  readonly expression: string;
  /** What the expression's value is, shown on the alarm's graph. */
  readonly label: string;
  /** The metrics the expression names, by id (lowercase first letter, as CloudWatch requires). */
  readonly metrics: Readonly<Record<string, AlarmMetric>>;
}

export interface AlarmPairProps {
  /** Base name; the alarms are `<name>-warning` and `<name>-critical`. */
  readonly alarmName: string;
  readonly description: string;
  /** One metric, or an expression over several. */
  readonly metric: AlarmMetric | AlarmExpression;
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
        `AlarmPair ${props.alarmName}: \`critical\` (${props.critical}) ` +
          `must be ${upward ? "above" : "below"} \`warning\` (${props.warning}).`,
      );
    }
    const period = props.periodSeconds ?? 300;
    const levels = warning === undefined ? (["critical"] as const) : (["warning", "critical"] as const);
    const alarms = levels.map(
      (level) =>
        new CloudwatchMetricAlarm(this, level === "warning" ? "Warning" : "Critical", {
          alarmName: `${props.alarmName}-${level}`,
          alarmDescription: `${level.toUpperCase()}: ${props.description}`,
          ...watched(props.metric, period),
          comparisonOperator: comparison,
          threshold: level === "warning" ? warning : props.critical,
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

/** The alarm's metric arguments: namespace, name and statistic, or metric queries with the expression returning data. */
function watched(m: AlarmMetric | AlarmExpression, period: number) {
  const stat = (x: AlarmMetric) => x.extendedStatistic ?? x.statistic ?? "Average";
  if (!("expression" in m)) {
    return {
      namespace: m.namespace,
      metricName: m.metricName,
      dimensions: m.dimensions ? { ...m.dimensions } : undefined,
      ...(m.extendedStatistic ? { extendedStatistic: m.extendedStatistic } : { statistic: stat(m) }),
      period,
    };
  }
  const invalid = Object.keys(m.metrics).filter((id) => !/^[a-z][A-Za-z0-9_]*$/.test(id));
  if (invalid.length > 0) throw new Error(`AlarmPair: metric ids must start with a lowercase letter (got ${invalid.join(", ")}).`);
  return {
    metricQuery: [
      { id: "expression", expression: m.expression, label: m.label, returnData: true },
      ...Object.entries(m.metrics).map(([id, x]) => ({
        id,
        returnData: false,
        metric: {
          namespace: x.namespace,
          metricName: x.metricName,
          dimensions: x.dimensions ? { ...x.dimensions } : undefined,
          stat: stat(x),
          period,
        },
      })),
    ],
  };
}
