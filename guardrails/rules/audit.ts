/** GuardDuty and AWS Config: Checkov checks the catalogue does not list, read from Checkov's source. */
import { fail, pass, type Rule } from "../types";
import type { TfGraph, TfResource } from "../graph";
import { get, isFalse, isTrue } from "./helpers";

/** The recorder a recorder status is connected to (by reference, as Checkov's graph sees it). */
const recorderOf = (status: TfResource, g: TfGraph) =>
  [...g.referencedBy(status, "aws_config_configuration_recorder"), ...g.referencing(status, "aws_config_configuration_recorder")][0];

export const auditRules: Rule[] = [
  {
    id: "CKV_AWS_238",
    checkov: "CKV_AWS_238",
    severity: "medium",
    resourceTypes: ["aws_guardduty_detector"],
    description: "enable is not false (missing passes).",
    fix: "Set enable = true.",
    check: (d) => (isFalse(d.config.enable) ? fail("the detector is disabled") : pass),
  },
  {
    id: "CKV2_AWS_3",
    checkov: "CKV2_AWS_3",
    severity: "medium",
    resourceTypes: ["aws_guardduty_detector"],
    description:
      "The detector is enabled and connected to an aws_guardduty_organization_configuration that auto-enables members (ALL/NEW).",
    fix: "Manage GuardDuty from the organization's delegated administrator, or suppress on per-account detectors with that reason.",
    check: (d, g) => {
      const orgs = g.referencing(d, "aws_guardduty_organization_configuration");
      const auto = orgs.some(
        (o) => isTrue(o.config.auto_enable) || ["ALL", "NEW"].includes(String(o.config.auto_enable_organization_members)),
      );
      return isTrue(d.config.enable) && auto ? pass : fail("no organization configuration auto-enables GuardDuty for member accounts");
    },
  },
  {
    id: "CKV2_AWS_45",
    checkov: "CKV2_AWS_45",
    severity: "medium",
    resourceTypes: ["aws_config_configuration_recorder_status"],
    description: "The recorder status is enabled and its recorder does not set recording_group.all_supported = false.",
    fix: "Set is_enabled = true and record all supported resources.",
    check: (s, g) => {
      const recorder = recorderOf(s, g);
      return recorder && isTrue(s.config.is_enabled) && !isFalse(get(recorder.config, "recording_group.all_supported"))
        ? pass
        : fail("the recorder is off or records a subset");
    },
  },
  {
    id: "CKV2_AWS_48",
    checkov: "CKV2_AWS_48",
    severity: "medium",
    resourceTypes: ["aws_config_configuration_recorder"],
    description:
      "The recorder sets recording_group.include_global_resource_types = true (whether it is switched on is CKV2_AWS_45's question).",
    fix: "Set include_global_resource_types = true (IAM is global).",
    check: (r) =>
      isTrue(get(r.config, "recording_group.include_global_resource_types")) ? pass : fail("global resources (IAM) are not recorded"),
  },
];
