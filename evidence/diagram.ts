/**
 * Architecture diagram of a synthesized stack, as a Mermaid flowchart (GitHub renders it in
 * Markdown). Drawn from the Terraform JSON alone, so it shows what will be built, not what
 * the config meant: the parts a reviewer asks about (edge, compute, data, keys, audit) as
 * nodes, the VPC's tiers as subgraphs (from each subnet's Tier tag), a DR region apart, and
 * an arrow wherever two parts are wired together through the resources between them
 * (a listener and target group between the ALB and a service, a task role's policy between
 * a service and a bucket).
 */
import { providerRegion } from "./provider-region";
import { graphOf, type TfGraph, type TfJsonDocument, type TfResource } from "../guardrails/graph";
import { isExpression } from "../guardrails/rules/helpers";

/** Where a part is drawn, in the order the sections appear (traffic flows top to bottom). */
type Section = "edge" | "public" | "app" | "data" | "services" | "security" | "observability";

const SECTION_TITLES: Readonly<Record<Section, string>> = {
  edge: "Edge",
  public: "Public subnets",
  app: "App subnets",
  data: "Data subnets",
  services: "Regional services",
  security: "Keys and audit",
  observability: "Logs and alarms",
};

/** Sections inside the VPC subgraph. */
const VPC_SECTIONS: readonly Section[] = ["public", "app", "data"];

interface PartKind {
  readonly label: string;
  /** Section when no subnet places it. */
  readonly section: Section;
  /** Attributes whose value names the part, first one set wins. */
  readonly nameFrom?: readonly string[];
  /** Rank in the flow: arrows point from lower to higher; parts of equal rank are not linked. */
  readonly rank: number;
}

/** The resource types drawn as nodes; everything else only connects them. */
const PARTS: Readonly<Record<string, PartKind>> = {
  aws_cloudfront_distribution: { label: "CloudFront", section: "edge", rank: 0, nameFrom: ["comment"] },
  aws_wafv2_web_acl: { label: "WAF web ACL", section: "edge", rank: 0, nameFrom: ["name"] },
  aws_lb: { label: "Load balancer", section: "public", rank: 1, nameFrom: ["name"] },
  aws_nat_gateway: { label: "NAT gateway", section: "public", rank: 1 },
  aws_apprunner_service: { label: "App Runner service", section: "services", rank: 2, nameFrom: ["service_name"] },
  aws_ecs_service: { label: "ECS service", section: "app", rank: 2, nameFrom: ["name"] },
  aws_apprunner_vpc_connector: { label: "VPC connector", section: "app", rank: 2, nameFrom: ["vpc_connector_name"] },
  aws_db_instance: { label: "RDS", section: "data", rank: 3, nameFrom: ["identifier", "replicate_source_db"] },
  aws_rds_cluster: { label: "Aurora cluster", section: "data", rank: 3, nameFrom: ["cluster_identifier"] },
  aws_db_instance_automated_backups_replication: { label: "RDS backup copies", section: "data", rank: 3 },
  aws_elasticache_replication_group: { label: "ElastiCache", section: "data", rank: 3, nameFrom: ["replication_group_id"] },
  aws_s3_bucket: { label: "S3 bucket", section: "services", rank: 3, nameFrom: ["bucket", "bucket_prefix"] },
  aws_dynamodb_table: { label: "DynamoDB table", section: "services", rank: 3, nameFrom: ["name"] },
  aws_secretsmanager_secret: { label: "Secret", section: "services", rank: 3, nameFrom: ["name", "name_prefix"] },
  aws_ecr_repository: { label: "ECR repository", section: "services", rank: 3, nameFrom: ["name"] },
  aws_kms_key: { label: "KMS key", section: "security", rank: 4, nameFrom: ["description"] },
  aws_cloudtrail: { label: "CloudTrail", section: "security", rank: 4, nameFrom: ["name"] },
  aws_guardduty_detector: { label: "GuardDuty", section: "security", rank: 4 },
  aws_config_configuration_recorder: { label: "AWS Config", section: "security", rank: 4, nameFrom: ["name"] },
  aws_backup_vault: { label: "Backup vault", section: "security", rank: 4, nameFrom: ["name"] },
  aws_sns_topic: { label: "SNS topic", section: "observability", rank: 5, nameFrom: ["name"] },
  aws_cloudwatch_log_group: { label: "Log group", section: "observability", rank: 5, nameFrom: ["name"] },
};

/**
 * Types that connect everything to everything (the VPC, its routing, keys used by every
 * part, shared topics): never walked through, or every part would link to every other.
 */
const HUBS = new Set([
  "aws_vpc",
  "aws_subnet",
  "aws_route_table",
  "aws_route_table_association",
  "aws_route",
  "aws_network_acl",
  "aws_internet_gateway",
  "aws_eip",
  "aws_default_security_group",
  "aws_vpc_endpoint",
  "data.aws_caller_identity",
  "data.aws_region",
  "data.aws_partition",
  "data.aws_availability_zones",
  "aws_cloudwatch_metric_alarm",
  "aws_cloudwatch_dashboard",
  "aws_cloudwatch_log_metric_filter",
  "aws_budgets_budget",
]);

/** Arrows are drawn between these ranks only: keys, audit and logs touch everything. */
const FLOW_RANKS = new Set([0, 1, 2, 3]);

/** Intermediates walked between two parts (listener + target group, role + policy). */
const MAX_HOPS = 3;

export interface DiagramPart {
  readonly id: string;
  readonly address: string;
  readonly label: string;
  readonly section: Section;
  /** A region other than the stack's provider's (a DR replica, a CloudFront certificate), or undefined. */
  readonly region?: string;
}

export interface Diagram {
  readonly parts: readonly DiagramPart[];
  /** Pairs of part ids, upstream first. */
  readonly links: readonly (readonly [string, string])[];
  readonly mermaid: string;
}

/** The diagram of one stack's Terraform JSON; `drRegion` names that region's subgraph "DR region". */
export function architectureDiagram(doc: TfJsonDocument | TfGraph, options: { drRegion?: string } = {}): Diagram {
  const graph = graphOf(doc);
  const home = providerRegion(graph);
  const nodes = graph.resources.filter((r) => r.type in PARTS);
  const ids = new Map(nodes.map((r, i) => [r.address, `${r.type.replace(/^aws_/, "")}_${i + 1}`]));
  const parts = nodes.map((r): DiagramPart => {
    const kind = PARTS[r.type];
    const region = typeof r.config.region === "string" && r.config.region !== home ? r.config.region : undefined;
    return { id: ids.get(r.address)!, address: r.address, label: partLabel(r, kind), section: sectionOf(r, graph, kind), region };
  });
  const links = flowLinks(nodes, graph, ids);
  return { parts, links, mermaid: render(parts, links, options.drRegion) };
}

/** "ECS service<br/>carebow-prod-api". */
function partLabel(r: TfResource, kind: PartKind): string {
  const name = (kind.nameFrom ?? []).map((a) => r.config[a]).find((v): v is string => typeof v === "string" && !isExpression(v));
  return name ? `${kind.label}<br/>${name}` : `${kind.label}<br/>${r.constructPath?.split("/").slice(1).join("/") ?? r.name}`;
}

/** The subnet tier a part sits in (through its subnet group, network configuration...), else its kind's section. */
function sectionOf(r: TfResource, graph: TfGraph, kind: PartKind): Section {
  const tiers = new Set<string>();
  const walk = (x: TfResource, depth: number) => {
    for (const next of graph.referencedBy(x)) {
      if (next.type === "aws_subnet") {
        const tier = (next.config.tags as Record<string, unknown> | undefined)?.Tier;
        if (typeof tier === "string") tiers.add(tier);
      } else if (depth < 1 && /subnet_group$/.test(next.type)) walk(next, depth + 1);
    }
  };
  walk(r, 0);
  const [tier] = [...tiers];
  return tiers.size === 1 && (VPC_SECTIONS as readonly string[]).includes(tier) ? (tier as Section) : kind.section;
}

/** Pairs of flow parts connected through at most MAX_HOPS non-part, non-hub resources. */
function flowLinks(nodes: readonly TfResource[], graph: TfGraph, ids: ReadonlyMap<string, string>): [string, string][] {
  const flow = nodes.filter((n) => FLOW_RANKS.has(PARTS[n.type].rank));
  const isFlowPart = new Set(flow.map((n) => n.address));
  const pairs = new Map<string, [string, string]>();
  for (const start of flow) {
    const seen = new Set([start.address]);
    let frontier = [start];
    for (let hop = 0; hop <= MAX_HOPS && frontier.length > 0; hop++) {
      const next: TfResource[] = [];
      for (const x of frontier) {
        for (const y of graph.connected(x)) {
          if (seen.has(y.address)) continue;
          seen.add(y.address);
          if (isFlowPart.has(y.address)) addPair(pairs, start, y, ids);
          else if (!(y.type in PARTS) && !HUBS.has(y.type) && !y.type.startsWith("provider.")) next.push(y);
        }
      }
      frontier = next;
    }
  }
  return [...pairs.values()];
}

/** Parts of one rank (two secrets in one task policy) share intermediates, not a flow: no link. */
function addPair(pairs: Map<string, [string, string]>, a: TfResource, b: TfResource, ids: ReadonlyMap<string, string>): void {
  if (PARTS[a.type].rank === PARTS[b.type].rank) return;
  const [from, to] = PARTS[a.type].rank < PARTS[b.type].rank ? [a, b] : [b, a];
  const pair: [string, string] = [ids.get(from.address)!, ids.get(to.address)!];
  pairs.set(pair.join(" "), pair);
}

/** A Mermaid subgraph id: letters, digits and underscores only. */
const mermaidId = (text: string) => text.replace(/[^A-Za-z0-9_]/g, "_");

/** Mermaid's entity for a double quote: labels are quoted. */
const quoted = (label: string) => `"${label.replace(/"/g, "#quot;")}"`;

function render(parts: readonly DiagramPart[], links: readonly (readonly [string, string])[], drRegion?: string): string {
  const lines = ["flowchart TB"];
  const partLine = (p: DiagramPart, indent: string) => `${indent}${p.id}[${quoted(p.label)}]`;
  const home = parts.filter((p) => p.region === undefined);
  const sectionBlock = (section: Section, indent: string) => {
    const members = home.filter((p) => p.section === section);
    if (members.length === 0) return;
    lines.push(`${indent}subgraph ${section}[${quoted(SECTION_TITLES[section])}]`);
    for (const p of members) lines.push(partLine(p, `${indent}  `));
    lines.push(`${indent}end`);
  };
  sectionBlock("edge", "  ");
  if (home.some((p) => VPC_SECTIONS.includes(p.section))) {
    lines.push(`  subgraph vpc["VPC"]`);
    for (const s of VPC_SECTIONS) sectionBlock(s, "    ");
    lines.push("  end");
  }
  for (const s of ["services", "security", "observability"] as const) sectionBlock(s, "  ");
  const regions = [...new Set(parts.flatMap((p) => p.region ?? []))].sort();
  for (const region of regions) {
    lines.push(`  subgraph region_${mermaidId(region)}[${quoted(`${region === drRegion ? "DR region" : "Region"} ${region}`)}]`);
    for (const p of parts.filter((x) => x.region === region)) lines.push(partLine(p, "    "));
    lines.push("  end");
  }
  for (const [from, to] of links) lines.push(`  ${from} --> ${to}`);
  return `${lines.join("\n")}\n`;
}

/** The Markdown page written beside a stack: GitHub renders the Mermaid block as a diagram. */
export function architectureMarkdown(stack: string, diagram: Diagram): string {
  return [
    `# Architecture of ${stack}`,
    "",
    "Drawn from this folder's Terraform JSON at synth (`evidence/diagram.ts`): what will be built. " +
      "An arrow joins two parts wired together through the resources between them (listener and target group, " +
      "security group rules, a role's policy); keys, audit and logs are listed without arrows (they touch every part).",
    "",
    "```mermaid",
    diagram.mermaid.trimEnd(),
    "```",
    "",
  ].join("\n");
}
