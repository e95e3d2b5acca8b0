/** CKV2_AWS_32: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_32: {
    pass: {
      ...dist({
        default_cache_behavior: {
          viewer_protocol_policy: "redirect-to-https",
          response_headers_policy_id: ref("aws_cloudfront_response_headers_policy.h"),
        },
      }),
      "aws_cloudfront_response_headers_policy.h": {},
    },
    fail: dist(),
  },
};
