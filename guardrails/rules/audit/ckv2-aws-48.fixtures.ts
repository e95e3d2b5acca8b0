/** CKV2_AWS_48: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import type { RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_48: {
    pass: {
      "aws_config_configuration_recorder.r": { recording_group: { include_global_resource_types: true } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
    fail: {
      "aws_config_configuration_recorder.r": {},
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
  },
};
