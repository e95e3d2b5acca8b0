/** CKV2_AWS_31: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { acl, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_31: {
    pass: { ...acl(["x"]), "aws_wafv2_web_acl_logging_configuration.l": { resource_arn: ref("aws_wafv2_web_acl.acl", "arn") } },
    fail: acl(["x"]),
  },
};
