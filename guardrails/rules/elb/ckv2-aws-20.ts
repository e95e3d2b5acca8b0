/**
 * CKV2_AWS_20 (Checkov CKV2_AWS_20): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/ALBRedirectsHTTPToHTTPS.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { LB, LISTENER, redirectsToHttps } from "./shared";

export const CKV2_AWS_20: Rule = {
  id: "CKV2_AWS_20",
  checkov: "CKV2_AWS_20",
  severity: "high",
  resourceTypes: LB,
  description: "Every HTTP listener on port 80 redirects to HTTPS on 443.",
  fix: '`default_action { type = "redirect" }` to HTTPS:443 on the port-80 listener (LoadBalancer does this).',
  check: (lb, g) =>
    g
      .referencing(lb, ...LISTENER)
      .filter((l) => l.config.protocol === "HTTP" || Number(l.config.port) === 80)
      .every((l) => redirectsToHttps(l, "443"))
      ? pass
      : fail("an HTTP listener serves traffic instead of redirecting"),
};
