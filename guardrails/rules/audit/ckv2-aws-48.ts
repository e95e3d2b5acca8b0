/**
 * CKV2_AWS_48 (Checkov CKV2_AWS_48): The recorder sets recording_group.include_global_resource_types = true
 * (whether it is switched on is CKV2_AWS_45's question).
 * Scanner source:
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/ConfigRecorderRecordsAllGlobalResources.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { get, isTrue } from "../helpers";

export const CKV2_AWS_48: Rule = {
  id: "CKV2_AWS_48",
  checkov: "CKV2_AWS_48",
  severity: "medium",
  resourceTypes: ["aws_config_configuration_recorder"],
  description:
    "The recorder sets recording_group.include_global_resource_types = true (whether it is switched on is CKV2_AWS_45's question).",
  fix: "Set include_global_resource_types = true (IAM is global).",
  check: (r) =>
    isTrue(get(r.config, "recording_group.include_global_resource_types")) ? pass : fail("global resources (IAM) are not recorded"),
};
