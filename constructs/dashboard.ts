import { Construct } from "constructs";
import { Lazy } from "cdktf";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";

export interface DashboardProps {
  readonly dashboardName: string;
  readonly region: string;
  /** Log groups to show the latest lines of. @default - none */
  readonly logGroupNames?: readonly string[];
}

/** A metric on a graph; `id` names it for an expression on the same graph. */
export interface DashboardMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions?: Readonly<Record<string, string>>;
  /** Sum, Average, Maximum, p95, ... */
  readonly stat: string;
  /** @default - CloudWatch's (metric name and dimensions) */
  readonly label?: string;
  /** @default - none */
  readonly id?: string;
  /** Draw it (false: only an expression uses it). @default true */
  readonly visible?: boolean;
}

/** A metric math expression over the graph's metrics with ids. */
export interface DashboardExpression {
  readonly expression: string;
  readonly label: string;
}

/** One line graph of a section. */
export interface DashboardGraph {
  readonly title: string;
  readonly metrics: readonly (DashboardMetric | DashboardExpression)[];
}

interface Section {
  readonly title: string;
  readonly graphs: readonly DashboardGraph[];
}

interface AlarmGroup {
  readonly title: string;
  readonly alarmArns: readonly string[];
}

const WIDTH = 24;
const GRAPHS_PER_ROW = 3;
const GRAPH_HEIGHT = 6;

/** A graph's metric in the dashboard body's form: namespace, name, dimension pairs, options. */
function row(m: DashboardMetric | DashboardExpression): unknown[] {
  if ("expression" in m) return [{ expression: m.expression, label: m.label }];
  const options = { stat: m.stat, label: m.label, id: m.id, visible: m.visible };
  return [m.namespace, m.metricName, ...Object.entries(m.dimensions ?? {}).flat(), options];
}

/**
 * A CloudWatch dashboard generated from the app's components: alarm states (components add
 * theirs with `addAlarms`, up to synth), metric sections (`addSection`: a heading and its
 * graphs, three to a row), then the latest lines of each log group.
 */
export class Dashboard extends Construct {
  private readonly alarmGroups: AlarmGroup[] = [];
  private readonly sections: Section[] = [];

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    new CloudwatchDashboard(this, "Dashboard", {
      dashboardName: props.dashboardName,
      dashboardBody: Lazy.stringValue({ produce: () => JSON.stringify({ widgets: this.widgets(props) }) }),
    });
  }

  /** Show these alarms' states under `title`. */
  addAlarms(title: string, alarmArns: readonly string[]): void {
    this.alarmGroups.push({ title, alarmArns });
  }

  /** A heading `title` and its graphs (5-minute periods), below the alarm states. */
  addSection(title: string, graphs: readonly DashboardGraph[]): void {
    this.sections.push({ title, graphs });
  }

  private widgets(props: DashboardProps): object[] {
    const widgets: object[] = [];
    let y = 0;
    for (const group of this.alarmGroups.filter((g) => g.alarmArns.length > 0)) {
      widgets.push({ type: "alarm", x: 0, y, width: WIDTH, height: 3, properties: { title: group.title, alarms: [...group.alarmArns] } });
      y += 3;
    }
    for (const section of this.sections.filter((x) => x.graphs.length > 0)) {
      widgets.push({ type: "text", x: 0, y, width: WIDTH, height: 1, properties: { markdown: `## ${section.title}` } });
      y += 1;
      section.graphs.forEach((graph, i) => {
        const x = (i % GRAPHS_PER_ROW) * (WIDTH / GRAPHS_PER_ROW);
        if (i > 0 && x === 0) y += GRAPH_HEIGHT;
        widgets.push({
          type: "metric",
          x,
          y,
          width: WIDTH / GRAPHS_PER_ROW,
          height: GRAPH_HEIGHT,
          properties: { title: graph.title, region: props.region, view: "timeSeries", period: 300, metrics: graph.metrics.map(row) },
        });
      });
      y += GRAPH_HEIGHT;
    }
    for (const logGroup of props.logGroupNames ?? []) {
      widgets.push({
        type: "log",
        x: 0,
        y,
        width: WIDTH,
        height: 6,
        properties: {
          title: `Latest lines: ${logGroup}`,
          region: props.region,
          query: `SOURCE '${logGroup}' | fields @timestamp, @message | sort @timestamp desc | limit 50`,
          view: "table",
        },
      });
      y += 6;
    }
    return widgets;
  }
}
