/** CKV2_AWS_3: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_3: {
    pass: {
      "aws_guardduty_detector.d": { enable: true },
      "aws_guardduty_organization_configuration.o": {
        detector_id: "${aws_guardduty_detector.d.id}",
        auto_enable_organization_members: "ALL",
      },
    },
    fail: one("aws_guardduty_detector", { enable: true }),
  },
};
