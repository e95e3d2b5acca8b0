/**
 * CKV2_AWS_45 (Checkov CKV2_AWS_45): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/AWSConfigRecorderEnabled.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { get, isFalse, isTrue } from "../helpers";
import { recorderOf } from "./shared";

export const CKV2_AWS_45: Rule = {
  id: "CKV2_AWS_45",
  checkov: "CKV2_AWS_45",
  severity: "medium",
  resourceTypes: ["aws_config_configuration_recorder_status"],
  description: "The recorder status is enabled and its recorder does not set recording_group.all_supported = false.",
  fix: "`is_enabled = true`, with `recording_group.all_supported` left true (Audit does this).",
  check: (s, g) => {
    const recorder = recorderOf(s, g);
    return recorder && isTrue(s.config.is_enabled) && !isFalse(get(recorder.config, "recording_group.all_supported"))
      ? pass
      : fail("the recorder is off or records a subset");
  },
};
