/** CKV_AWS_259: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_259: {
    pass: one("aws_cloudfront_response_headers_policy", {
      security_headers_config: {
        strict_transport_security: { access_control_max_age_sec: 31536000, include_subdomains: true, preload: true, override: true },
      },
    }),
    fail: one("aws_cloudfront_response_headers_policy", {
      security_headers_config: {
        strict_transport_security: { access_control_max_age_sec: 86400, include_subdomains: true, preload: true, override: true },
      },
    }),
  },
};
