/**
 * CKV_AWS_259 (Checkov CKV_AWS_259): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudFrontResponseHeaderStrictTransportSecurity.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get, isTrue } from "../helpers";

export const CKV_AWS_259: Rule = {
  id: "CKV_AWS_259",
  checkov: "CKV_AWS_259",
  severity: "medium",
  resourceTypes: ["aws_cloudfront_response_headers_policy"],
  description: "HSTS max-age >= 31536000 with includeSubDomains, preload and override.",
  fix: "`strict_transport_security { access_control_max_age_sec = 31536000, include_subdomains = true, preload = true, override = true }`.",
  check: (p) => {
    const h = get(p.config, "security_headers_config.strict_transport_security");
    return Number(get(h, "access_control_max_age_sec")) >= 31536000 &&
      isTrue(get(h, "include_subdomains")) &&
      isTrue(get(h, "preload")) &&
      isTrue(get(h, "override"))
      ? pass
      : fail("HSTS is missing or weak");
  },
};
