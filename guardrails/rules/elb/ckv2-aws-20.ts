/**
 * CKV2_AWS_20 (Checkov CKV2_AWS_20): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/ALBRedirectsHTTPToHTTPS.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import type { TfResource } from "../../graph";
import { LB, LISTENER, redirectsToHttps } from "./shared";

/** The YAML's two ways for a listener to pass: neither port 80 nor HTTP, or port 80 HTTP redirecting to HTTPS:443. */
const passes = (l: TfResource) => {
  const port80 = String(l.config.port) === "80";
  const http = l.config.protocol === "HTTP";
  return (!port80 && !http) || (port80 && http && redirectsToHttps(l, "443"));
};

export const CKV2_AWS_20: Rule = {
  id: "CKV2_AWS_20",
  checkov: "CKV2_AWS_20",
  severity: "high",
  resourceTypes: LB,
  description:
    "Every listener is either neither on port 80 nor HTTP, or is HTTP on port 80 redirecting to HTTPS on 443 " +
    "(an HTTP listener on another port fails, and so does a port-80 listener without `protocol`).",
  fix:
    '`protocol = "HTTP"` and `default_action { type = "redirect" }` to HTTPS:443 on the port-80 listener, ' +
    "HTTPS elsewhere (LoadBalancer does this).",
  check: (lb, g) =>
    g.referencing(lb, ...LISTENER).every(passes) ? pass : fail("a listener on port 80 or HTTP does not redirect to HTTPS:443"),
};
