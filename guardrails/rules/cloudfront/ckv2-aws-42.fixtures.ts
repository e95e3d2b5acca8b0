/** CKV2_AWS_42: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_42: { pass: dist(), fail: dist({ viewer_certificate: { cloudfront_default_certificate: true } }) },
};
