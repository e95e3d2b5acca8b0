import { Construct } from "constructs";
import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";

export interface BudgetProps {
  readonly budgetName: string;
  readonly monthlyLimitUsd: number;
  /** Actual-spend percentages that alert (e.g. 80, 100). A 100 % forecast alert is always added. */
  readonly alertThresholdsPercent: readonly number[];
  readonly topicArn: string;
  /** @default - none: the topic's subscribers are told */
  readonly emails?: readonly string[];
}

/** A monthly cost budget that alerts the alarm topic at the given thresholds (R3). */
export class Budget extends Construct {
  constructor(scope: Construct, id: string, props: BudgetProps) {
    super(scope, id);
    const subscribers = {
      subscriberSnsTopicArns: [props.topicArn],
      ...(props.emails?.length ? { subscriberEmailAddresses: [...props.emails] } : {}),
    };
    new BudgetsBudget(this, "Budget", {
      name: props.budgetName,
      budgetType: "COST",
      limitAmount: props.monthlyLimitUsd.toFixed(2),
      limitUnit: "USD",
      timeUnit: "MONTHLY",
      notification: [
        ...props.alertThresholdsPercent.map((threshold) => ({
          comparisonOperator: "GREATER_THAN",
          threshold,
          thresholdType: "PERCENTAGE",
          notificationType: "ACTUAL",
          ...subscribers,
        })),
        { comparisonOperator: "GREATER_THAN", threshold: 100, thresholdType: "PERCENTAGE", notificationType: "FORECASTED", ...subscribers },
      ],
    });
  }
}
