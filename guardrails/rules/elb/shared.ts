/** Readers and resource-type lists shared by the elb rules. */
import type { TfGraph, TfResource } from "../../graph";
import { blocks, get } from "../helpers";

export const LB = ["aws_lb", "aws_alb"];
export const LISTENER = ["aws_lb_listener", "aws_alb_listener"];
export const TARGET_GROUP = ["aws_lb_target_group", "aws_alb_target_group"];
export const isAlb = (r: TfResource) => (r.config.load_balancer_type ?? "application") === "application";
export const CHECKOV_TLS12 = /^ELBSecurityPolicy-(TLS13|TLS-1-2|FS-1-2)/;
/** trivy-checks elb/use_secure_tls_policy.rego. */
export const TRIVY_OUTDATED = [
  "ELBSecurityPolicy-2015-05",
  "ELBSecurityPolicy-2016-08",
  "ELBSecurityPolicy-FS-2018-06",
  "ELBSecurityPolicy-FS-1-1-2019-08",
  "ELBSecurityPolicy-TLS-1-0-2015-04",
  "ELBSecurityPolicy-TLS-1-1-2017-01",
  "ELBSecurityPolicy-TLS13-1-0-2021-06",
  "ELBSecurityPolicy-TLS13-1-1-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
];
/** Checkov graph_checks/aws/LBWeakCiphers.yaml. */
export const CHECKOV_WEAK_POLICIES = [
  "ELBSecurityPolicy-2016-08",
  "ELBSecurityPolicy-2015-05",
  "ELBSecurityPolicy-TLS-1-0-2015-04",
  "ELBSecurityPolicy-TLS-1-1-2017-01",
  "ELBSecurityPolicy-2015-03",
  "ELBSecurityPolicy-2015-02",
  "ELBSecurityPolicy-2014-10",
  "ELBSecurityPolicy-Default",
  "ELBSecurityPolicy-2014-01",
];
export const redirectsToHttps = (l: TfResource, port?: string) =>
  blocks(l.config.default_action).some(
    (a) =>
      a.type === "redirect" && get(a, "redirect.protocol") === "HTTPS" && (port === undefined || String(get(a, "redirect.port")) === port),
  );
export const wafAclsOf = (lb: TfResource, g: TfGraph) =>
  g.referencing(lb, "aws_wafv2_web_acl_association").flatMap((a) => g.referencedBy(a, "aws_wafv2_web_acl"));
export const managedGroups = (acl: TfResource) =>
  blocks(acl.config.rule)
    .map((r) => get(r, "statement.managed_rule_group_statement.name"))
    .filter(Boolean) as string[];
