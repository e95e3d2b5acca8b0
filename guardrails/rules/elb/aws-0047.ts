/**
 * AWS-0047 (Trivy AWS-0047): its `description` and `stricter` below say what it checks and where it is stricter.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/elb/use_secure_tls_policy.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { LISTENER, TRIVY_OUTDATED } from "./shared";

export const AWS_0047: Rule = {
  id: "AWS-0047",
  trivy: ["AWS-0047", "aws-elb-use-secure-tls-policy"],
  severity: "high",
  resourceTypes: LISTENER,
  description: "HTTPS/TLS listeners do not use one of Trivy's outdated TLS policies (ELBSecurityPolicy-TLS13-1-2-2021-06 passes).",
  stricter: "Trivy: a listener without ssl_policy fails, as AWS then applies ELBSecurityPolicy-2016-08, on Trivy's list.",
  fix: '`ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (LoadBalancer does this).',
  check: (l) => {
    const p = String(l.config.ssl_policy ?? "");
    // Trivy reads ssl_policy whatever the protocol: an outdated one on an HTTP listener fails too.
    if (!["HTTPS", "TLS"].includes(String(l.config.protocol))) return TRIVY_OUTDATED.includes(p) ? fail(`ssl_policy ${p}`) : notApplicable;
    return p && !TRIVY_OUTDATED.includes(p) ? pass : fail(`ssl_policy ${p || "not set (ELBSecurityPolicy-2016-08)"}`);
  },
};
