/**
 * CKV2_AWS_48 (Checkov CKV2_AWS_48): its `description` below says what it checks.
 * Scanner source:
 *
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
  fix: "`recording_group.include_global_resource_types = true`: IAM is global (Audit does this).",
  check: (r) =>
    isTrue(get(r.config, "recording_group.include_global_resource_types")) ? pass : fail("global resources (IAM) are not recorded"),
};
