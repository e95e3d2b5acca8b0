/** AWS-0013: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { dist, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0013": {
    pass: dist(),
    fail: dist({ viewer_certificate: { acm_certificate_arn: "arn:cert", minimum_protocol_version: "TLSv1.2_2019" } }),
  },
};
