/** CKV_AWS_91: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { lb, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_91: { pass: lb({ access_logs: { enabled: true, bucket: "logs" } }), fail: lb() },
};
