/**
 * CKV_AWS_2 (Checkov CKV_AWS_2; Trivy AWS-0054): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ALBListenerHTTPS.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/elb/http_not_used.rego.
 */
import { blocks, get, isExpression } from "../helpers";
import { fail, pass, unknown, type Rule } from "../../types";
import { LISTENER } from "./shared";

const SECURE_PROTOCOLS = ["HTTPS", "TLS", "TCP", "UDP", "TCP_UDP"];

export const CKV_AWS_2: Rule = {
  id: "CKV_AWS_2",
  checkov: "CKV_AWS_2",
  trivy: ["AWS-0054", "aws-elb-http-not-used"],
  severity: "high",
  resourceTypes: LISTENER,
  description:
    "Listener `protocol` is set and is HTTPS/TLS/TCP/UDP/TCP_UDP, or is HTTP with a first `default_action` that redirects to " +
    "HTTPS (a redirect that names no protocol is unknown, as in Checkov; a listener without `protocol` fails).",
  stricter:
    "Trivy: an HTTP listener passes there with a redirect anywhere among its default actions, to any protocol, and only " +
    "application load balancers are judged; here, as in Checkov, the first action must redirect to HTTPS.",
  fix: '`protocol = "HTTPS"`; on port 80 `protocol = "HTTP"` with a `default_action` that redirects to HTTPS (LoadBalancer does this).',
  check: (l) => {
    const protocol = l.config.protocol;
    if (protocol === undefined) return fail("no protocol: the listener serves HTTP");
    if (isExpression(protocol)) return unknown(`protocol ${protocol} is known only at plan time`);
    if (SECURE_PROTOCOLS.includes(String(protocol))) return pass;
    // Checkov reads only the first default action, and only for HTTP.
    const first = blocks(l.config.default_action)[0];
    if (protocol === "HTTP" && first?.type === "redirect" && blocks(first.redirect).length > 0) {
      const to = get(first, "redirect.protocol");
      if (to === "HTTPS") return pass;
      if (to === undefined) return unknown("the redirect names no protocol (it keeps the request's: HTTP)");
    }
    return fail(`protocol ${protocol} without an HTTPS redirect as its first default action`);
  },
};
