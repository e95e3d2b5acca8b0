/**
 * CKV_AWS_2 (Checkov CKV_AWS_2; Trivy AWS-0054): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ALBListenerHTTPS.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/elb/http_not_used.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { LISTENER, redirectsToHttps } from "./shared";

export const CKV_AWS_2: Rule = {
  id: "CKV_AWS_2",
  checkov: "CKV_AWS_2",
  trivy: ["AWS-0054", "aws-elb-http-not-used"],
  severity: "high",
  resourceTypes: LISTENER,
  description: "Listener protocol is HTTPS/TLS/TCP/UDP, or HTTP whose default action redirects to HTTPS.",
  fix: '`protocol = "HTTPS"`; on port 80 a `default_action` that redirects to HTTPS (LoadBalancer does this).',
  check: (l) =>
    ["HTTPS", "TLS", "TCP", "UDP", "TCP_UDP"].includes(String(l.config.protocol)) || redirectsToHttps(l)
      ? pass
      : fail(`protocol ${l.config.protocol ?? "HTTP"} without an HTTPS redirect`),
};
