/** CKV2_AWS_72: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_72: {
    pass: dist({ origin: [{ domain_name: "api.example.com", custom_origin_config: { origin_protocol_policy: "https-only" } }] }),
    fail: dist({
      origin: [{ domain_name: "api-1.eu-central-1.elb.amazonaws.com", custom_origin_config: { origin_protocol_policy: "http-only" } }],
    }),
  },
};
