/** CKV2_AWS_54: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_54: {
    pass: dist({ origin: [{ custom_origin_config: { origin_ssl_protocols: ["TLSv1.2"] } }] }),
    fail: dist({ origin: [{ custom_origin_config: { origin_ssl_protocols: ["SSLv3", "TLSv1.2"] } }] }),
  },
};
