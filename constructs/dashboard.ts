import { Construct } from "constructs";
import { Lazy } from "cdktf";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";

export interface DashboardProps {
  readonly dashboardName: string;
  readonly region: string;
  /** Log groups to show the latest lines of. @default - none */
  readonly logGroupNames?: readonly string[];
}

interface AlarmGroup {
  readonly title: string;
  readonly alarmArns: readonly string[];
}

const WIDTH = 24;

/**
 * A CloudWatch dashboard generated from the app's components: alarm states (components add
 * theirs with `addAlarms`, up to synth), then the latest lines of each log group.
 */
export class Dashboard extends Construct {
  private readonly alarmGroups: AlarmGroup[] = [];

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

  private widgets(props: DashboardProps): object[] {
    const widgets: object[] = [];
    let y = 0;
    for (const group of this.alarmGroups.filter((g) => g.alarmArns.length > 0)) {
      widgets.push({ type: "alarm", x: 0, y, width: WIDTH, height: 3, properties: { title: group.title, alarms: [...group.alarmArns] } });
      y += 3;
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
