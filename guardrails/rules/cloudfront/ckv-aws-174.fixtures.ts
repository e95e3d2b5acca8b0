/** CKV_AWS_174: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_174: {
    pass: dist(),
    fail: dist({ viewer_certificate: { acm_certificate_arn: "arn:cert", minimum_protocol_version: "TLSv1.1_2016" } }),
  },
};
