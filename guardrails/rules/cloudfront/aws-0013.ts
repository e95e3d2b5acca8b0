/**
 * AWS-0013 (Trivy AWS-0013): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/cloudfront/use_secure_tls_policy.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { get, isTrue, show } from "../helpers";
import { DIST, TRIVY_TLS } from "./shared";

export const AWS_0013: Rule = {
  id: "AWS-0013",
  trivy: ["AWS-0013", "aws-cloudfront-use-secure-tls-policy"],
  severity: "high",
  resourceTypes: DIST,
  description:
    "Trivy's half of CKV_AWS_174: unless the default certificate is used (not judged), " +
    "minimum_protocol_version is TLSv1.2_2021, TLSv1.2_2025 or TLSv1.3_2025.",
  fix: '`viewer_certificate.minimum_protocol_version = "TLSv1.2_2021"` or newer (CdnDistribution does this).',
  check: (d) => {
    if (isTrue(get(d.config, "viewer_certificate.cloudfront_default_certificate"))) return pass;
    const v = get(d.config, "viewer_certificate.minimum_protocol_version");
    return TRIVY_TLS.includes(String(v)) ? pass : fail(`minimum_protocol_version ${show(v)}`);
  },
};
