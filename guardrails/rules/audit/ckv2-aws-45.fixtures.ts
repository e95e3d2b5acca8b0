/** CKV2_AWS_45: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import type { RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_45: {
    pass: {
      "aws_config_configuration_recorder.r": { recording_group: { all_supported: true } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
    fail: {
      "aws_config_configuration_recorder.r": { recording_group: { all_supported: false } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
  },
};
