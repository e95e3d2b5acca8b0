/** The monthly cost estimate beside each app stack: reproducible, priced from the dated table, labelled an estimate. */
import { costEstimate, costMarkdown, overBudgetWarning, USAGE } from "../../evidence/cost";
import { HOURS_PER_MONTH, PRICES, REGION_FACTOR } from "../../evidence/prices";
import type { TfJsonDocument } from "../../guardrails/graph";
import { appStackTf, baseSpec, resourcesOfType } from "../helpers";
import { exampleSpec } from "../examples/synthesize";

const line = (e: ReturnType<typeof costEstimate>, item: string) => e.lines.find((l) => l.item === item)!;

describe("cost estimate", () => {
  const tf = appStackTf(baseSpec(), "prod");
  const doc = tf as TfJsonDocument;
  const region = (tf.provider as any).aws[0].region as string;
  const factor = REGION_FACTOR[region];

  it("prices what the stack runs: count x unit price x the region's factor, and the total is their sum", () => {
    const e = costEstimate("demo-prod-app", doc, "prod");
    expect(e.region).toBe(region);
    const nat = resourcesOfType(tf, "aws_nat_gateway").length;
    expect(nat).toBeGreaterThan(0);
    const natUsd = nat * (HOURS_PER_MONTH * PRICES.natGatewayHour + USAGE.prod.natGbPerGateway * PRICES.natGatewayGb) * factor;
    expect(line(e, "NAT gateways").monthlyUsd).toBeCloseTo(natUsd, 2);
    const keys = resourcesOfType(tf, "aws_kms_key").length;
    expect(line(e, "KMS keys")).toEqual({
      item: "KMS keys",
      quantity: `${keys} keys`,
      monthlyUsd: Math.round(keys * factor * 100) / 100,
    });
    // One of a kind is counted in the singular.
    expect(resourcesOfType(tf, "aws_guardduty_detector")).toHaveLength(1);
    expect(line(e, "GuardDuty").quantity).toBe("1 detector");
    expect(e.totalUsd).toBeCloseTo(
      e.lines.reduce((n, l) => n + l.monthlyUsd, 0),
      2,
    );
    expect(costEstimate("demo-prod-app", doc, "prod")).toEqual(e);
  });

  it("uses each environment's usage assumptions", () => {
    const dev = costEstimate("demo-dev-app", appStackTf(baseSpec(), "dev") as TfJsonDocument, "dev");
    expect(line(dev, "S3 buckets").quantity).toMatch(new RegExp(` x ${USAGE.dev.bucketGb} GB$`));
    expect(line(costEstimate("demo-prod-app", doc, "prod"), "S3 buckets").quantity).toMatch(new RegExp(` x ${USAGE.prod.bucketGb} GB$`));
  });

  it("lists a size the table cannot price instead of counting it as free", () => {
    const odd = JSON.parse(JSON.stringify(doc));
    odd.resource.aws_db_instance = { x: { instance_class: "db.x99.huge", allocated_storage: 10 } };
    expect(costEstimate("demo-prod-app", odd, "prod").unpriced).toEqual(["aws_db_instance.x (db.x99.huge)"]);
  });

  it("R1 dev lands in its guide's estimate ($80-120), labelled an estimate with its assumptions and the budget", () => {
    const spec = exampleSpec("apprunner-eu.json");
    const e = costEstimate("orthosense-dev-app", appStackTf(spec, "dev") as TfJsonDocument, "dev");
    expect(e.totalUsd).toBeGreaterThanOrEqual(80);
    expect(e.totalUsd).toBeLessThanOrEqual(120);
    const md = costMarkdown(e, "dev", 150);
    expect(md).toMatch(/\*\*An estimate, not a quote\*\*: AWS list prices recorded \d{4}-\d{2}/);
    expect(md).toContain(`| **Total** | | **$${e.totalUsd.toFixed(2)}** |`);
    expect(md).toContain("Budget in the config: $150.00.");
    expect(md).toMatch(/Assumptions for dev: .* GB through each NAT gateway/);
    expect(costMarkdown(e, "dev", 50)).toContain("(the estimate is above it)");
  });

  it("warns at synth of an estimate above the budget, not of one at or within it, in cost.md's dollars", () => {
    const e = { ...costEstimate("demo-prod-app", doc, "prod"), totalUsd: 100.4 };
    expect(overBudgetWarning(e, undefined, "prod")).toBeUndefined();
    expect(overBudgetWarning(e, 100.4, "prod")).toBeUndefined();
    // Rounded to whole dollars, $100.40 against $100 read "$100 ... is above the budget of $100".
    expect(overBudgetWarning(e, 100, "prod")).toBe(
      "warning: demo-prod-app: the cost estimate, $100.40 a month (cost.md beside the stack), is above the budget of $100.00 " +
        "in the config: its alerts would fire every month; raise environments.prod.overrides.budget.monthlyLimitUsd, " +
        "or size the environment down",
    );
  });
});
