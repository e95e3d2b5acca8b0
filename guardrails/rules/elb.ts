/** Load balancing: scanner-rules.md §2.9. */
import { fail, notApplicable, pass, type Rule } from "../types";
import type { TfResource } from "../graph";
import { blocks, get, isTrue, mustBeTrue } from "./helpers";

const LB = ["aws_lb", "aws_alb"];
const LISTENER = ["aws_lb_listener", "aws_alb_listener"];
const TARGET_GROUP = ["aws_lb_target_group", "aws_alb_target_group"];
const isAlb = (r: TfResource) => (r.config.load_balancer_type ?? "application") === "application";
const CHECKOV_TLS12 = /^ELBSecurityPolicy-(TLS13|TLS-1-2|FS-1-2)/;
/** trivy-checks elb/use_secure_tls_policy.rego. */
const TRIVY_OUTDATED = [
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
const CHECKOV_WEAK_POLICIES = [
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
const redirectsToHttps = (l: TfResource, port?: string) =>
  blocks(l.config.default_action).some(
    (a) =>
      a.type === "redirect" && get(a, "redirect.protocol") === "HTTPS" && (port === undefined || String(get(a, "redirect.port")) === port),
  );
const wafAclsOf = (lb: TfResource, g: import("../graph").TfGraph) =>
  g.referencing(lb, "aws_wafv2_web_acl_association").flatMap((a) => g.referencedBy(a, "aws_wafv2_web_acl"));
export const managedGroups = (acl: TfResource) =>
  blocks(acl.config.rule)
    .map((r) => get(r, "statement.managed_rule_group_statement.name"))
    .filter(Boolean) as string[];

export const elbRules: Rule[] = [
  {
    id: "CKV_AWS_2",
    checkov: "CKV_AWS_2",
    trivy: ["AWS-0054", "aws-elb-http-not-used"],
    severity: "high",
    resourceTypes: LISTENER,
    description: "Listener protocol is HTTPS/TLS/TCP/UDP, or HTTP whose default action redirects to HTTPS.",
    fix: "Serve HTTPS; make port 80 a redirect to HTTPS.",
    check: (l) =>
      ["HTTPS", "TLS", "TCP", "UDP", "TCP_UDP"].includes(String(l.config.protocol)) || redirectsToHttps(l)
        ? pass
        : fail(`protocol ${l.config.protocol ?? "HTTP"} without an HTTPS redirect`),
  },
  {
    id: "CKV_AWS_103",
    checkov: "CKV_AWS_103",
    severity: "high",
    resourceTypes: LISTENER,
    description:
      "Checkov's AppLoadBalancerTLS12: a listener is TCP/UDP/TCP_UDP, HTTPS/TLS with an ssl_policy starting " +
      "ELBSecurityPolicy-FS-1-2, -TLS-1-2 or -TLS13, a redirect to HTTPS, or on a gateway load balancer; " +
      "an HTTP listener that forwards, or one without a protocol, fails.",
    fix: 'Set protocol = "HTTPS" and ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06", or make the listener a redirect to HTTPS.',
    check: (l, g) => {
      const protocol = String(l.config.protocol ?? "");
      if (["TCP", "UDP", "TCP_UDP"].includes(protocol)) return pass;
      if (["HTTPS", "TLS"].includes(protocol)) {
        const p = String(l.config.ssl_policy ?? "");
        return CHECKOV_TLS12.test(p) ? pass : fail(`ssl_policy ${p || "not set (ELBSecurityPolicy-2016-08)"}`);
      }
      const action = blocks(l.config.default_action)[0];
      if (action?.type === "redirect" && get(action, "redirect.protocol") === "HTTPS") return pass;
      if (g.connected(l, "aws_lb").some((lb) => lb.config.load_balancer_type === "gateway")) return pass;
      return fail(`protocol ${protocol || "not set"} without TLS 1.2 or a redirect to HTTPS`);
    },
  },
  {
    id: "AWS-0047",
    trivy: ["AWS-0047", "aws-elb-use-secure-tls-policy"],
    severity: "high",
    resourceTypes: LISTENER,
    description: "HTTPS/TLS listeners do not use one of Trivy's outdated TLS policies (ELBSecurityPolicy-TLS13-1-2-2021-06 passes).",
    stricter: "Trivy: a listener without ssl_policy fails, as AWS then applies ELBSecurityPolicy-2016-08, on Trivy's list.",
    fix: 'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06".',
    check: (l) => {
      if (!["HTTPS", "TLS"].includes(String(l.config.protocol))) return notApplicable;
      const p = String(l.config.ssl_policy ?? "");
      return p && !TRIVY_OUTDATED.includes(p) ? pass : fail(`ssl_policy ${p || "not set (ELBSecurityPolicy-2016-08)"}`);
    },
  },
  {
    id: "CKV2_AWS_74",
    checkov: "CKV2_AWS_74",
    severity: "medium",
    resourceTypes: LISTENER,
    description:
      "HTTPS/TLS listeners set ssl_policy explicitly, and not to one of the weak policies Checkov lists (ELBSecurityPolicy-2016-08 " +
        "and older).",
    fix: 'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06".',
    check: (l) => {
      if (!["HTTPS", "TLS"].includes(String(l.config.protocol))) return notApplicable;
      const p = l.config.ssl_policy;
      if (!p) return fail("ssl_policy not set");
      return CHECKOV_WEAK_POLICIES.includes(String(p)) ? fail(`ssl_policy ${p} has weak ciphers`) : pass;
    },
  },
  {
    id: "CKV2_AWS_20",
    checkov: "CKV2_AWS_20",
    severity: "high",
    resourceTypes: LB,
    description: "Every HTTP listener on port 80 redirects to HTTPS on 443.",
    fix: "Make the port-80 listener a redirect to HTTPS:443.",
    check: (lb, g) =>
      g
        .referencing(lb, ...LISTENER)
        .filter((l) => l.config.protocol === "HTTP" || Number(l.config.port) === 80)
        .every((l) => redirectsToHttps(l, "443"))
        ? pass
        : fail("an HTTP listener serves traffic instead of redirecting"),
  },
  {
    id: "CKV_AWS_91",
    checkov: "CKV_AWS_91",
    severity: "medium",
    resourceTypes: LB,
    description: "access_logs.enabled = true.",
    fix: "Enable access_logs to an SSE-S3 log bucket.",
    check: (lb) =>
      lb.config.load_balancer_type === "gateway"
        ? notApplicable
        : isTrue(get(lb.config, "access_logs.enabled"))
          ? pass
          : fail("access logs are off"),
  },
  {
    id: "CKV_AWS_131",
    checkov: "CKV_AWS_131",
    trivy: ["AWS-0052", "aws-elb-drop-invalid-headers"],
    severity: "high",
    resourceTypes: LB,
    description: "Application LBs drop invalid header fields.",
    fix: "Set drop_invalid_header_fields = true.",
    check: (lb) =>
      !isAlb(lb) ? notApplicable : isTrue(lb.config.drop_invalid_header_fields) ? pass : fail("drop_invalid_header_fields is off"),
  },
  mustBeTrue(
    {
      id: "CKV_AWS_150",
      checkov: "CKV_AWS_150",
      severity: "medium",
      resourceTypes: LB,
      description: "enable_deletion_protection = true.",
      fix: "Set enable_deletion_protection = true.",
    },
    "enable_deletion_protection",
  ),
  {
    id: "CKV_AWS_328",
    checkov: "CKV_AWS_328",
    severity: "medium",
    resourceTypes: [...LB, "aws_elb"],
    description: "desync_mitigation_mode is not monitor.",
    fix: "Use defensive (default) or strictest.",
    check: (lb) => (lb.config.desync_mitigation_mode === "monitor" ? fail("desync mitigation only monitors") : pass),
  },
  {
    id: "CKV2_AWS_28",
    checkov: "CKV2_AWS_28",
    severity: "high",
    resourceTypes: LB,
    description: "Internet-facing application LBs have a WAFv2 association referencing them.",
    fix: "Associate the environment's WAFv2 web ACL (aws_wafv2_web_acl_association.resource_arn = lb.arn).",
    check: (lb, g) =>
      isTrue(lb.config.internal) || !isAlb(lb)
        ? pass
        : g.referencing(lb, "aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association").length > 0
          ? pass
          : fail("no WAF web ACL protects this load balancer"),
  },
  {
    id: "CKV2_AWS_76",
    checkov: "CKV2_AWS_76",
    severity: "medium",
    resourceTypes: LB,
    description: "An associated web ACL includes AWSManagedRulesAnonymousIpList and AWSManagedRulesKnownBadInputsRuleSet.",
    fix: "Add both managed rule groups to the web ACL.",
    check: (lb, g) => {
      const acls = wafAclsOf(lb, g);
      if (isTrue(lb.config.internal) || acls.length === 0) return pass;
      return acls.every(
        (a) =>
          managedGroups(a).includes("AWSManagedRulesAnonymousIpList") && managedGroups(a).includes("AWSManagedRulesKnownBadInputsRuleSet"),
      )
        ? pass
        : fail("the web ACL lacks AnonymousIpList or KnownBadInputs");
    },
  },
  {
    id: "CKV_AWS_152",
    checkov: "CKV_AWS_152",
    severity: "low",
    resourceTypes: LB,
    description: "Network/gateway LBs enable cross-zone load balancing (application LBs: not applicable, always on).",
    fix: "Set enable_cross_zone_load_balancing = true.",
    check: (lb) =>
      isAlb(lb) ? notApplicable : isTrue(lb.config.enable_cross_zone_load_balancing) ? pass : fail("cross-zone load balancing is off"),
  },
  {
    id: "AWS-0053",
    trivy: ["AWS-0053", "aws-elb-alb-not-public"],
    severity: "high",
    resourceTypes: LB,
    description: "The load balancer is internal (every internet-facing ALB fails).",
    fix: "Set internal = true, or suppress for the public entry point with the WAF/CloudFront reason.",
    check: (lb) =>
      lb.config.load_balancer_type === "gateway"
        ? notApplicable
        : isTrue(lb.config.internal)
          ? pass
          : fail("internet-facing load balancer"),
  },
  {
    id: "CKV_AWS_378",
    checkov: "CKV_AWS_378",
    severity: "low",
    resourceTypes: TARGET_GROUP,
    description: "Target group protocol is not HTTP, or a listener connected to it exists and none of them is HTTP.",
    fix: "Use HTTPS to targets, or suppress with the in-VPC hop reason.",
    check: (tg, g) => {
      if (tg.config.protocol !== "HTTP") return pass;
      const listeners = g.connected(tg, ...LISTENER);
      return listeners.length > 0 && listeners.every((l) => l.config.protocol !== "HTTP") ? pass : fail("plain HTTP to targets");
    },
  },
  {
    id: "CKV_AWS_261",
    checkov: "CKV_AWS_261",
    severity: "low",
    resourceTypes: ["aws_lb_target_group"],
    description: "HTTP/HTTPS target groups set health_check.path.",
    fix: 'Set health_check { path = "/healthz" }.',
    check: (tg) =>
      !["HTTP", "HTTPS"].includes(String(tg.config.protocol))
        ? notApplicable
        : get(tg.config, "health_check.path")
          ? pass
          : fail("no health check path"),
  },
];
