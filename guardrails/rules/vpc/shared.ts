/** Readers and resource-type lists shared by the vpc rules. */
import { fail, pass, type Rule, type Verdict } from "../../types";
import type { TfResource } from "../../graph";
import { blocks, isTrue } from "../helpers";

export const SG = ["aws_security_group"];
export const INGRESS_RULES = ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule"];
export const EGRESS_RULES = ["aws_security_group_rule", "aws_vpc_security_group_egress_rule"];
export const ANYWHERE = ["0.0.0.0/0", "::/0"];

/** One security group rule, whatever resource or block it was written as. */
export interface SgRule {
  readonly from: number;
  readonly to: number;
  readonly cidrs: string[];
  /**
   * It names no source Checkov counts (AbsSecurityGroupUnrestrictedIngress: no CIDR, no
   * `security_groups` or `source_security_group_id` key (null counts: Checkov reads it as a
   * value), no `prefix_list_ids`, and not `self`), which Checkov's ingress checks fail as
   * unrestricted. `referenced_security_group_id` and `prefix_list_id` of
   * aws_vpc_security_group_ingress_rule are not among them; such a rule without ports is not
   * judged at all there, so it is not unsourced.
   */
  readonly unsourced: boolean;
}

/**
 * The rules a resource declares in one direction: a group's inline blocks, or a rule
 * resource itself. Each resource is judged on what it declares, as Checkov does, so a
 * finding is reported once, on the resource that opens the port.
 */
export function rulesOf(r: TfResource, direction: "ingress" | "egress"): SgRule[] {
  if (r.type === "aws_security_group") return blocks(r.config[direction]).map((b) => normalize(b, false));
  const vpcRule = r.type === `aws_vpc_security_group_${direction}_rule`;
  const own = vpcRule || (r.type === "aws_security_group_rule" && r.config.type === direction);
  return own ? [normalize(r.config, vpcRule)] : [];
}

/** One rule's ports and sources; `vpcRule`: an aws_vpc_security_group_*_rule, which Checkov judges only with ports. */
function normalize(b: Record<string, unknown>, vpcRule: boolean): SgRule {
  const protocol = String(b.protocol ?? b.ip_protocol ?? "tcp");
  const from = Number(b.from_port ?? 0);
  const to = Number(b.to_port ?? 0);
  const allPorts = protocol === "-1" || (from === 0 && to === 0);
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);
  const cidrs = [...list(b.cidr_blocks), ...list(b.ipv6_cidr_blocks), ...list(b.cidr_ipv4), ...list(b.cidr_ipv6)];
  const sourced = "security_groups" in b || "source_security_group_id" in b;
  const exempt = list(b.prefix_list_ids).length > 0 || isTrue(b.self);
  const judged = !vpcRule || "from_port" in b || "to_port" in b;
  return {
    from: allPorts ? 0 : from,
    to: allPorts ? 65535 : to,
    cidrs,
    unsourced: judged && cidrs.length === 0 && !sourced && !exempt,
  };
}

export const openToInternet = (r: SgRule) => r.cidrs.some((c) => ANYWHERE.includes(c));

/** NACL entries, inline (`ingress`/`egress` blocks) or as aws_network_acl_rule resources. */
export function naclRules(
  r: TfResource,
): { ingress: boolean; action: string; protocol: string; cidrs: string[]; from: number; to: number }[] {
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

export function publicIngressRule(id: string, port: number | "any", trivy: string[] | undefined, what: string): Rule {
  return {
    id,
    checkov: id,
    trivy,
    severity: port === "any" || port === 22 || port === 3389 ? "critical" : "medium",
    resourceTypes: [...SG, ...INGRESS_RULES],
    description:
      `No ingress from 0.0.0.0/0 or ::/0, nor one naming no source Checkov counts (no CIDR, security group or prefix ` +
      `list: a referenced_security_group_id alone counts as none), ${port === "any" ? "on all ports" : `covering port ${port}`}.`,
    stricter:
      port === "any"
        ? "Checkov: it fails only protocol -1 on ports 0-0 or 0-65535; we fail any rule covering every port: tcp 0-65535, " +
          "and a vpc rule of protocol -1 with no ports, which Checkov does not judge."
        : undefined,
    fix: what,
    check: (r): Verdict => {
      const open = rulesOf(r, "ingress").filter(
        (x) => (openToInternet(x) || x.unsourced) && (port === "any" ? x.from === 0 && x.to === 65535 : x.from <= port && port <= x.to),
      );
      const described = (o: SgRule) =>
        `${o.from}-${o.to} ${openToInternet(o) ? "is open to the internet" : "names no source Checkov counts"}`;
      return open.length ? fail(`ingress ${open.map(described).join(", ")}`) : pass;
    },
  };
}
