/**
 * Monthly cost estimate of one synthesized stack (`cost.md` beside it): what it runs, from
 * its Terraform JSON, priced by the dated table in `prices.ts`, under usage assumptions per
 * environment that are written out. An estimate for planning, not a quote: traffic, data
 * volume and log volume are assumptions, and the table goes stale.
 */
import type { EnvironmentName } from "../config/schema";
import { providerRegion } from "./provider-region";
import { graphOf, type TfGraph, type TfJsonDocument, type TfResource } from "../guardrails/graph";
import { get, isExpression } from "../guardrails/rules/helpers";
import { AURORA_INSTANCE_HOUR, HOURS_PER_MONTH, INSTANCE_HOUR, PRICE_TABLE_REGION, PRICES, PRICES_RECORDED, REGION_FACTOR } from "./prices";

/** What the estimate assumes an environment does in a month. */
export interface UsageAssumptions {
  /** Data processed by each NAT gateway. */
  readonly natGbPerGateway: number;
  /** Load balancer capacity units in use, on average. */
  readonly albLcus: number;
  /** Share of the month App Runner instances serve requests (active), beyond the provisioned minimum. */
  readonly appRunnerActiveShare: number;
  /** Logs ingested into CloudWatch, all groups together. */
  readonly logGb: number;
  /** Data kept in each bucket. */
  readonly bucketGb: number;
  /** Images kept per ECR repository. */
  readonly ecrGb: number;
  /** Aurora cluster storage. */
  readonly auroraGb: number;
  /** Requests through the WAF and CloudFront, in millions. */
  readonly millionRequests: number;
  /** Data CloudFront serves. */
  readonly cloudFrontGb: number;
  /** GuardDuty and AWS Config for a small account (both bill by volume of events and items). */
  readonly guardDutyMonth: number;
  readonly configMonth: number;
}

/** @default per environment; prod of a small regulated app, dev barely used. */
export const USAGE: Readonly<Record<EnvironmentName, UsageAssumptions>> = {
  dev: {
    natGbPerGateway: 10,
    albLcus: 1,
    appRunnerActiveShare: 0.1,
    logGb: 2,
    bucketGb: 5,
    ecrGb: 2,
    auroraGb: 10,
    millionRequests: 0.5,
    cloudFrontGb: 5,
    guardDutyMonth: 4,
    configMonth: 3,
  },
  staging: {
    natGbPerGateway: 30,
    albLcus: 1,
    appRunnerActiveShare: 0.25,
    logGb: 5,
    bucketGb: 20,
    ecrGb: 5,
    auroraGb: 20,
    millionRequests: 2,
    cloudFrontGb: 20,
    guardDutyMonth: 6,
    configMonth: 5,
  },
  prod: {
    natGbPerGateway: 100,
    albLcus: 3,
    appRunnerActiveShare: 0.5,
    logGb: 20,
    bucketGb: 100,
    ecrGb: 10,
    auroraGb: 100,
    millionRequests: 20,
    cloudFrontGb: 200,
    guardDutyMonth: 15,
    configMonth: 10,
  },
};

export interface CostLine {
  readonly item: string;
  /** "2 x 730 h", "3 keys". */
  readonly quantity: string;
  readonly monthlyUsd: number;
}

export interface CostEstimate {
  readonly stack: string;
  readonly region: string;
  readonly regionFactor: number;
  readonly lines: readonly CostLine[];
  readonly totalUsd: number;
  /** Resources whose size the table has no price for (left out of the total). */
  readonly unpriced: readonly string[];
}

/** The estimate of one stack; `env` picks the usage assumptions. */
export function costEstimate(stack: string, doc: TfJsonDocument | TfGraph, env: keyof typeof USAGE): CostEstimate {
  const g = graphOf(doc);
  const u = USAGE[env];
  const region = providerRegion(g) ?? PRICE_TABLE_REGION;
  const lines: CostLine[] = [];
  const unpriced: string[] = [];
  const add = (item: string, quantity: string, usd: number) => usd > 0 && lines.push({ item, quantity, monthlyUsd: usd });
  const count = (type: string) => g.ofType(type).length;
  const hours = HOURS_PER_MONTH;

  const nat = count("aws_nat_gateway");
  add(
    "NAT gateways",
    `${nat} x ${hours} h + ${nat * u.natGbPerGateway} GB`,
    nat * (hours * PRICES.natGatewayHour + u.natGbPerGateway * PRICES.natGatewayGb),
  );
  const albs = g.ofType("aws_lb");
  add(
    "Load balancers",
    `${albs.length} x ${hours} h, ${u.albLcus} LCU`,
    albs.length * hours * (PRICES.albHour + u.albLcus * PRICES.albLcuHour),
  );
  for (const s of g.ofType("aws_ecs_service")) add(`ECS service ${name(s)}`, ...fargate(s, g));
  for (const s of g.ofType("aws_apprunner_service")) add(`App Runner service ${name(s)}`, ...appRunner(s, g, u));
  const endpointAzs = g
    .ofType("aws_vpc_endpoint")
    .filter((e) => e.config.vpc_endpoint_type === "Interface")
    .reduce((n, e) => n + (Array.isArray(e.config.subnet_ids) ? e.config.subnet_ids.length : 1), 0);
  add("Interface VPC endpoints", `${endpointAzs} endpoint-AZs x ${hours} h`, endpointAzs * hours * PRICES.interfaceEndpointAzHour);
  for (const db of g.ofType("aws_db_instance")) {
    const hourly = INSTANCE_HOUR[String(db.config.instance_class)];
    if (hourly === undefined) unpriced.push(`${db.address} (${db.config.instance_class})`);
    const azs = db.config.multi_az === true ? 2 : 1;
    // A replica's storage follows its source's.
    const storage = Number(db.config.allocated_storage ?? g.resolveRef(db.config.replicate_source_db)?.config.allocated_storage ?? 0);
    const usd = (hourly ?? 0) * hours * azs + storage * azs * PRICES.rdsGp3GbMonth;
    add(`RDS ${name(db)}`, `${db.config.instance_class}${azs === 2 ? " Multi-AZ" : ""}, ${storage} GB gp3`, usd);
  }
  for (const db of g.ofType("aws_rds_cluster_instance")) {
    const hourly = AURORA_INSTANCE_HOUR[String(db.config.instance_class)];
    if (hourly === undefined) unpriced.push(`${db.address} (${db.config.instance_class})`);
    add(`Aurora instance ${name(db)}`, `${db.config.instance_class} x ${hours} h`, (hourly ?? 0) * hours);
  }
  const clusters = count("aws_rds_cluster");
  add("Aurora storage", `${clusters} x ${u.auroraGb} GB`, clusters * u.auroraGb * PRICES.auroraStorageGbMonth);
  for (const c of g.ofType("aws_elasticache_replication_group")) {
    const hourly = INSTANCE_HOUR[String(c.config.node_type)];
    if (hourly === undefined) unpriced.push(`${c.address} (${c.config.node_type})`);
    const nodes = Number(c.config.num_cache_clusters ?? 1);
    add(`ElastiCache ${name(c)}`, `${nodes} x ${c.config.node_type}`, nodes * (hourly ?? 0) * hours);
  }
  const acls = g.ofType("aws_wafv2_web_acl");
  const rules = acls.reduce((n, a) => n + (Array.isArray(a.config.rule) ? a.config.rule.length : 0), 0);
  const wafUsd = acls.length * (PRICES.wafAclMonth + u.millionRequests * PRICES.wafMillionRequests) + rules * PRICES.wafRuleMonth;
  add("WAF web ACLs", `${counted(acls.length, "ACL")}, ${counted(rules, "rule")}, ${u.millionRequests} M requests`, wafUsd);
  const cdn = count("aws_cloudfront_distribution");
  const cdnUsd = cdn * (u.cloudFrontGb * PRICES.cloudFrontGbOut + u.millionRequests * PRICES.cloudFrontMillionHttpsRequests);
  add("CloudFront", `${counted(cdn, "distribution")}, ${u.cloudFrontGb} GB, ${u.millionRequests} M requests`, cdnUsd);
  const buckets = count("aws_s3_bucket");
  add("S3 buckets", `${buckets} x ${u.bucketGb} GB`, buckets * u.bucketGb * PRICES.s3StandardGbMonth);
  const repos = count("aws_ecr_repository");
  add("ECR repositories", `${repos} x ${u.ecrGb} GB`, repos * u.ecrGb * PRICES.ecrGbMonth);
  const logGroups = count("aws_cloudwatch_log_group");
  add(
    "CloudWatch Logs",
    `${counted(logGroups, "group")}, ${logGroups ? u.logGb : 0} GB ingested`,
    logGroups ? u.logGb * (PRICES.logIngestGb + PRICES.logStoreGbMonth) : 0,
  );
  add(
    "CloudWatch alarms",
    counted(count("aws_cloudwatch_metric_alarm"), "alarm"),
    count("aws_cloudwatch_metric_alarm") * PRICES.alarmMonth,
  );
  add("CloudWatch dashboards", `${count("aws_cloudwatch_dashboard")}`, count("aws_cloudwatch_dashboard") * PRICES.dashboardMonth);
  add("KMS keys", counted(count("aws_kms_key"), "key"), count("aws_kms_key") * PRICES.kmsKeyMonth);
  add("Secrets Manager", counted(count("aws_secretsmanager_secret"), "secret"), count("aws_secretsmanager_secret") * PRICES.secretMonth);
  add("GuardDuty", counted(count("aws_guardduty_detector"), "detector"), count("aws_guardduty_detector") * u.guardDutyMonth);
  const recorders = count("aws_config_configuration_recorder");
  add("AWS Config", counted(recorders, "recorder"), recorders * u.configMonth);

  const regionFactor = REGION_FACTOR[region] ?? 1;
  const priced = lines.map((l) => ({ ...l, monthlyUsd: round(l.monthlyUsd * regionFactor) }));
  return {
    stack,
    region,
    regionFactor,
    lines: priced,
    totalUsd: round(priced.reduce((n, l) => n + l.monthlyUsd, 0)),
    unpriced,
  };
}

/** "1 key", "3 keys". */
const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** Fargate: desired count x the task's vCPU and memory, every hour. */
function fargate(service: TfResource, g: TfGraph): [string, number] {
  const task = g.resolveRef(service.config.task_definition);
  const vcpu = Number(task?.config.cpu ?? 0) / 1024;
  const gb = Number(task?.config.memory ?? 0) / 1024;
  const n = Number(service.config.desired_count ?? 1);
  const arm = JSON.stringify(task?.config.runtime_platform ?? "").includes("ARM64");
  const hourly = (vcpu * PRICES.fargateVcpuHour + gb * PRICES.fargateGbHour) * (arm ? 1 - PRICES.fargateArmDiscount : 1);
  return [`${n} x ${vcpu} vCPU / ${gb} GB`, n * hourly * HOURS_PER_MONTH];
}

/** App Runner: the minimum instances' memory provisioned all month, plus active vCPU and memory for the assumed share. */
function appRunner(service: TfResource, g: TfGraph, u: UsageAssumptions): [string, number] {
  const vcpu = units(get(service.config, "instance_configuration.cpu"), 1024);
  const gb = units(get(service.config, "instance_configuration.memory"), 1024);
  const scaling = g.resolveRef(service.config.auto_scaling_configuration_arn);
  const min = Number(scaling?.config.min_size ?? 1);
  const provisioned = min * gb * PRICES.appRunnerProvisionedGbHour * HOURS_PER_MONTH;
  const active =
    min * u.appRunnerActiveShare * HOURS_PER_MONTH * (vcpu * PRICES.appRunnerActiveVcpuHour + gb * PRICES.appRunnerActiveGbHour);
  return [`min ${min} x ${vcpu} vCPU / ${gb} GB, active ${Math.round(u.appRunnerActiveShare * 100)} %`, provisioned + active];
}

/** "1024", "1 vCPU", "2 GB" -> vCPUs or GB. */
function units(value: unknown, perUnit: number): number {
  const text = String(value ?? "0");
  const n = parseFloat(text);
  return /[a-z]/i.test(text) ? n : n / perUnit;
}

const name = (r: TfResource) =>
  [r.config.name, r.config.identifier, r.config.service_name, r.config.replication_group_id].find(
    (v): v is string => typeof v === "string" && !isExpression(v),
  ) ?? r.name;

const round = (usd: number) => Math.round(usd * 100) / 100;

/**
 * The warning synth prints when a stack's estimate is above the monthly budget its config
 * sets (`budget.monthlyLimitUsd`): the AWS Budget's alerts would fire every month.
 */
export function overBudgetWarning(e: CostEstimate, budgetUsd: number | undefined, env: keyof typeof USAGE): string | undefined {
  if (budgetUsd === undefined || e.totalUsd <= budgetUsd) return undefined;
  return (
    `warning: ${e.stack}: the cost estimate, ${usd(e.totalUsd)} a month (cost.md beside the stack), is above the ` +
    `budget of ${usd(budgetUsd)} in the config: its alerts would fire every month; ` +
    `raise environments.${env}.overrides.budget.monthlyLimitUsd, or size the environment down`
  );
}

/** Dollars as cost.md shows them: `$1234.50`. */
const usd = (n: number) => `$${n.toFixed(2)}`;

/** `cost.md`: the lines, the total, the assumptions, and the budget beside it. */
export function costMarkdown(e: CostEstimate, env: keyof typeof USAGE, budgetUsd?: number): string {
  const u = USAGE[env];
  return [
    `# Cost estimate of ${e.stack} (per month, USD)`,
    "",
    `**An estimate, not a quote**: AWS list prices recorded ${PRICES_RECORDED} (\`evidence/prices.ts\`, ${PRICE_TABLE_REGION}` +
      ` x ${e.regionFactor} for ${e.region}), ${HOURS_PER_MONTH} hours a month, and the usage assumptions below.` +
      " Check the AWS Pricing Calculator before a budget decision.",
    "",
    "| Item | Quantity | Monthly |",
    "|---|---|---:|",
    ...e.lines.map((l) => `| ${l.item} | ${l.quantity} | ${usd(l.monthlyUsd)} |`),
    `| **Total** | | **${usd(e.totalUsd)}** |`,
    "",
    ...(budgetUsd !== undefined
      ? [`Budget in the config: ${usd(budgetUsd)}${e.totalUsd > budgetUsd ? " (the estimate is above it)" : ""}.`, ""]
      : []),
    ...(e.unpriced.length ? [`Not priced (size missing from the table): ${e.unpriced.join(", ")}.`, ""] : []),
    `Assumptions for ${env}: ${u.natGbPerGateway} GB through each NAT gateway, ${u.albLcus} load balancer capacity units, ` +
      `App Runner active ${Math.round(u.appRunnerActiveShare * 100)} % of the month, ${u.logGb} GB of logs, ${u.bucketGb} GB per ` +
      `bucket, ${u.ecrGb} GB per image repository, ${u.millionRequests} million requests, ${u.cloudFrontGb} GB from CloudFront, ` +
      `GuardDuty $${u.guardDutyMonth} and Config $${u.configMonth}. Not included: data transfer between AZs and to the ` +
      "internet (except CloudFront), backup storage beyond the free allowance, CloudTrail data events, KMS requests, tax.",
    "",
  ].join("\n");
}
