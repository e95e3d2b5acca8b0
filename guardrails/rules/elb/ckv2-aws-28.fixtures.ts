/** CKV2_AWS_28: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { lb, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_28: {
    pass: { ...lb(), "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: "arn:acl" } },
    fail: lb(),
  },
};
