/**
 * CKV_AWS_103 (Checkov CKV_AWS_103): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/AppLoadBalancerTLS12.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks, get } from "../helpers";
import { CHECKOV_TLS12, LISTENER } from "./shared";

export const CKV_AWS_103: Rule = {
  id: "CKV_AWS_103",
  checkov: "CKV_AWS_103",
  severity: "high",
  resourceTypes: LISTENER,
  description:
    "Checkov's AppLoadBalancerTLS12: a listener is TCP/UDP/TCP_UDP, HTTPS/TLS with an ssl_policy starting " +
    "ELBSecurityPolicy-FS-1-2, -TLS-1-2 or -TLS13, a redirect to HTTPS, or on a gateway load balancer; " +
    "an HTTP listener that forwards, or one without a protocol, fails.",
  fix: '`protocol = "HTTPS"` with `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"`, or a redirect to HTTPS (LoadBalancer does this).',
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
};
