/** VPC and security groups: scanner-rules.md §2.15. */
import { fail, notApplicable, pass, type Rule, type Verdict } from "../types";
import type { TfResource } from "../graph";
import { blocks, isSet, isTrue } from "./helpers";

const SG = ["aws_security_group"];
const INGRESS_RULES = ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule"];
const EGRESS_RULES = ["aws_security_group_rule", "aws_vpc_security_group_egress_rule"];
const ANYWHERE = ["0.0.0.0/0", "::/0"];

/** One security group rule, whatever resource or block it was written as. */
interface SgRule {
  readonly from: number;
  readonly to: number;
  readonly cidrs: string[];
}

/**
 * The rules a resource declares in one direction: a group's inline blocks, or a rule
 * resource itself. Each resource is judged on what it declares, as Checkov does, so a
 * finding is reported once, on the resource that opens the port.
 */
function rulesOf(r: TfResource, direction: "ingress" | "egress"): SgRule[] {
  if (r.type === "aws_security_group") return blocks(r.config[direction]).map(normalize);
  const own =
    r.type === `aws_vpc_security_group_${direction}_rule` || (r.type === "aws_security_group_rule" && r.config.type === direction);
  return own ? [normalize(r.config)] : [];
}

function normalize(b: Record<string, unknown>): SgRule {
  const protocol = String(b.protocol ?? b.ip_protocol ?? "tcp");
  const from = Number(b.from_port ?? 0);
  const to = Number(b.to_port ?? 0);
  const allPorts = protocol === "-1" || (from === 0 && to === 0);
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);
  return {
    from: allPorts ? 0 : from,
    to: allPorts ? 65535 : to,
    cidrs: [...list(b.cidr_blocks), ...list(b.ipv6_cidr_blocks), ...list(b.cidr_ipv4), ...list(b.cidr_ipv6)],
  };
}

const openToInternet = (r: SgRule) => r.cidrs.some((c) => ANYWHERE.includes(c));

/** NACL entries, inline (`ingress`/`egress` blocks) or as aws_network_acl_rule resources. */
function naclRules(r: TfResource): { ingress: boolean; action: string; protocol: string; cidrs: string[]; from: number; to: number }[] {
  const entry = (b: Record<string, unknown>, ingress: boolean) => ({
    ingress,
    action: String(b.action ?? b.rule_action ?? "").toLowerCase(),
    protocol: String(b.protocol ?? ""),
    from: Number(b.from_port ?? 0),
    to: Number(b.to_port ?? 0),
    cidrs: [b.cidr_block, b.ipv6_cidr_block].filter((c): c is string => typeof c === "string"),
  });
  if (r.type === "aws_network_acl_rule") return [entry(r.config, !isTrue(r.config.egress))];
  return [...blocks(r.config.ingress).map((b) => entry(b, true)), ...blocks(r.config.egress).map((b) => entry(b, false))];
}

function publicIngressRule(id: string, port: number | "any", trivy: string[] | undefined, what: string): Rule {
  return {
    id,
    checkov: id,
    trivy,
    severity: port === "any" || port === 22 || port === 3389 ? "critical" : "medium",
    resourceTypes: [...SG, ...INGRESS_RULES],
    description: `No ingress from 0.0.0.0/0 or ::/0 ${port === "any" ? "on all ports" : `covering port ${port}`}.`,
    fix: what,
    check: (r): Verdict => {
      const open = rulesOf(r, "ingress").filter(
        (x) => openToInternet(x) && (port === "any" ? x.from === 0 && x.to === 65535 : x.from <= port && port <= x.to),
      );
      return open.length ? fail(`ingress ${open.map((o) => `${o.from}-${o.to}`).join(", ")} is open to the internet`) : pass;
    },
  };
}

export const vpcRules: Rule[] = [
  {
    id: "CKV2_AWS_11",
    checkov: "CKV2_AWS_11",
    trivy: ["AWS-0178", "aws-ec2-require-vpc-flow-logs-for-all-vpcs"],
    severity: "medium",
    resourceTypes: ["aws_vpc"],
    description: "An aws_flow_log references the VPC.",
    fix: "Add flow logs (traffic_type ALL) to a KMS-encrypted log group.",
    check: (v, g) => (g.referencing(v, "aws_flow_log").length > 0 ? pass : fail("no flow log")),
  },
  {
    id: "CKV2_AWS_12",
    checkov: "CKV2_AWS_12",
    trivy: ["AWS-0173"],
    severity: "medium",
    resourceTypes: ["aws_vpc"],
    description: "An aws_default_security_group references the VPC, with no ingress/egress and no rule resources.",
    fix: "Declare aws_default_security_group { vpc_id = vpc.id } with no rules.",
    check: (v, g) => {
      const dsg = g.referencing(v, "aws_default_security_group");
      if (dsg.length === 0) return fail("the default security group is not declared (AWS leaves it open inside the VPC)");
      const open = dsg.some(
        (d) =>
          blocks(d.config.ingress).length > 0 ||
          blocks(d.config.egress).length > 0 ||
          g.referencing(d, "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule").length >
            0,
      );
      return open ? fail("the default security group has rules") : pass;
    },
  },
  {
    id: "CKV_AWS_23",
    checkov: "CKV_AWS_23",
    trivy: ["AWS-0099", "AWS-0124"],
    severity: "low",
    resourceTypes: [...SG, "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"],
    description: 'The group and each of its rules have a description other than "Managed by Terraform".',
    fix: "Describe why each rule exists.",
    check: (r) => {
      const ok = (d: unknown) => typeof d === "string" && d.trim() !== "" && d !== "Managed by Terraform";
      if (r.type !== "aws_security_group") return ok(r.config.description) ? pass : fail("rule has no description");
      const inner = [...blocks(r.config.ingress), ...blocks(r.config.egress)];
      return ok(r.config.description) && inner.every((b) => ok(b.description)) ? pass : fail("group or rule without a description");
    },
  },
  publicIngressRule(
    "CKV_AWS_24",
    22,
    ["AWS-0107", "aws-ec2-no-public-ingress-sgr"],
    "Reach hosts through SSM Session Manager; never open SSH to the internet.",
  ),
  publicIngressRule("CKV_AWS_25", 3389, ["AWS-0107"], "Never open RDP to the internet."),
  publicIngressRule(
    "CKV_AWS_260",
    80,
    undefined,
    "Allow :80 only for an HTTPS redirect listener, and suppress with that reason; prefer CloudFront prefix-list ingress.",
  ),
  publicIngressRule("CKV_AWS_277", "any", ["AWS-0107"], "Open only the ports the service listens on."),
  {
    id: "CKV_AWS_382",
    checkov: "CKV_AWS_382",
    trivy: ["AWS-0104", "aws-ec2-no-public-egress-sgr"],
    severity: "critical",
    resourceTypes: [...SG, ...EGRESS_RULES],
    description: "No egress to 0.0.0.0/0 or ::/0 (Trivy: on any port; Checkov: on all ports).",
    fix: "Egress to VPC endpoints, prefix lists or the VPC CIDR; or suppress with the NAT/HTTPS reason.",
    check: (r) => (rulesOf(r, "egress").some(openToInternet) ? fail("egress open to the internet") : pass),
  },
  {
    id: "CKV2_AWS_5",
    checkov: "CKV2_AWS_5",
    severity: "low",
    resourceTypes: SG,
    description: "The group is attached to something (load balancer, service, database, endpoint, VPC connector...).",
    fix: "Remove unused groups.",
    check: (sg, g) =>
      g.referencing(sg).some((r) => !r.type.startsWith("aws_security_group") && !r.type.startsWith("aws_vpc_security_group"))
        ? pass
        : fail("attached to nothing"),
  },
  {
    id: "CKV_AWS_130",
    checkov: "CKV_AWS_130",
    trivy: ["AWS-0164", "aws-ec2-no-public-ip-subnet"],
    severity: "high",
    resourceTypes: ["aws_subnet"],
    description: "map_public_ip_on_launch is not true.",
    fix: "Leave map_public_ip_on_launch false; ALB/NAT do not need it.",
    check: (s) => (isTrue(s.config.map_public_ip_on_launch) ? fail("instances get public IPs") : pass),
  },
  {
    id: "CKV_AWS_148",
    checkov: "CKV_AWS_148",
    trivy: ["AWS-0101", "aws-ec2-no-default-vpc"],
    severity: "high",
    resourceTypes: ["aws_default_vpc"],
    description: "The default VPC must not be managed/used.",
    fix: "Build in the project's own VPC.",
    check: () => fail("aws_default_vpc declared"),
  },
  {
    id: "AWS-0102",
    trivy: ["AWS-0102", "aws-ec2-no-excessive-port-access"],
    severity: "critical",
    resourceTypes: ["aws_network_acl", "aws_network_acl_rule"],
    description: "No allow rule for all protocols (-1/all). Trivy reads aws_network_acl_rule resources; we also read inline rules.",
    fix: "Allow tcp/udp on the ports needed.",
    check: (r) =>
      naclRules(r).some((x) => x.action === "allow" && ["-1", "all"].includes(x.protocol))
        ? fail("a NACL rule allows every protocol and port")
        : pass,
  },
  {
    id: "AWS-0105",
    trivy: ["AWS-0105", "aws-ec2-no-public-ingress-acl"],
    severity: "critical",
    resourceTypes: ["aws_network_acl", "aws_network_acl_rule"],
    description: "No ingress allow rule from 0.0.0.0/0 or ::/0 (inline rules too).",
    fix: "Allow only the CIDRs that need access (the app tier for the data tier).",
    check: (r) =>
      naclRules(r).some((x) => x.ingress && x.action === "allow" && x.cidrs.some((c) => ANYWHERE.includes(c)))
        ? fail("a NACL admits the internet")
        : pass,
  },
  ...(
    [
      [20, "CKV_AWS_230"],
      [21, "CKV_AWS_229"],
      [22, "CKV_AWS_232"],
      [3389, "CKV_AWS_231"],
    ] as const
  ).map(([port, id]): Rule => ({
    id,
    checkov: id,
    severity: "high",
    resourceTypes: ["aws_network_acl", "aws_network_acl_rule"],
    description: `No NACL ingress allow rule from 0.0.0.0/0 or ::/0 covering port ${port} (or all protocols).`,
    fix: "Admit only the CIDRs that need the port.",
    check: (r) =>
      naclRules(r).some(
        (x) =>
          x.ingress &&
          x.action === "allow" &&
          x.cidrs.some((c) => ANYWHERE.includes(c)) &&
          (x.protocol === "-1" || (x.from <= port && port <= x.to)),
      )
        ? fail(`port ${port} is open to the internet`)
        : pass,
  })),
  {
    id: "CKV2_AWS_19",
    checkov: "CKV2_AWS_19",
    severity: "low",
    resourceTypes: ["aws_eip"],
    description:
      'A VPC EIP (vpc = true or domain = "vpc") has an owner: a connected EC2 instance, NAT gateway or ' +
      "Transfer server, an aws_eip_association with instance_id, or an instance from a module or data source.",
    fix: "Release unused EIPs, or attach the EIP (instance, NAT gateway allocation_id, aws_eip_association).",
    check: (e, g) => {
      if (!isTrue(e.config.vpc) && e.config.domain !== "vpc") return notApplicable;
      const owned =
        g.connected(e, "aws_instance", "aws_nat_gateway", "aws_transfer_server").length > 0 ||
        g.connected(e, "aws_eip_association").some((a) => isSet(a.config.instance_id)) ||
        (typeof e.config.instance === "string" && /module\.|data\./.test(e.config.instance));
      return owned ? pass : fail("the VPC EIP is attached to no instance, NAT gateway or Transfer server");
    },
  },
  {
    id: "CKV2_AWS_1",
    checkov: "CKV2_AWS_1",
    severity: "low",
    resourceTypes: ["aws_network_acl"],
    description: "The NACL is associated with subnets.",
    fix: "Set subnet_ids or add aws_network_acl_association.",
    check: (n, g) =>
      blocks(n.config.subnet_ids).length > 0 ||
      (Array.isArray(n.config.subnet_ids) && n.config.subnet_ids.length > 0) ||
      g.referencing(n, "aws_network_acl_association").length > 0
        ? pass
        : fail("NACL is not associated"),
  },
  {
    id: "CKV2_AWS_35",
    checkov: "CKV2_AWS_35",
    severity: "medium",
    resourceTypes: ["aws_route_table", "aws_route"],
    description:
      "No 0.0.0.0/0 route to an instance (NAT instance): an aws_route with a non-empty instance_id and that " +
      "destination, or a route table with both among its routes, as Checkov's list-wide conditions read it.",
    fix: "Use a NAT gateway.",
    check: (r) => {
      const routes = r.type === "aws_route" ? [r.config] : blocks(r.config.route);
      const instance = routes.some((x) => isSet(x.instance_id));
      const cidr = r.type === "aws_route" ? "destination_cidr_block" : "cidr_block";
      const open = routes.some((x) => String(x[cidr] ?? "").includes("0.0.0.0/0"));
      return instance && open ? fail("default route to an instance") : pass;
    },
  },
];
