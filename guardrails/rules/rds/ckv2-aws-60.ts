/**
 * CKV2_AWS_60 (Checkov CKV2_AWS_60): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/RDSEnableCopyTagsToSnapshot.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { INSTANCE } from "./shared";

export const CKV2_AWS_60: Rule = {
  id: "CKV2_AWS_60",
  checkov: "CKV2_AWS_60",
  severity: "low",
  resourceTypes: INSTANCE,
  description:
    "copy_tags_to_snapshot = true, and engine is not neptune, aurora or docdb (Checkov's graph check fails those engines outright).",
  fix: "`copy_tags_to_snapshot = true` (Database does this).",
  check: (r) => {
    if (["neptune", "aurora", "docdb"].includes(String(r.config.engine)))
      return fail(`engine ${r.config.engine} is not an RDS instance engine Checkov accepts here`);
    return isTrue(r.config.copy_tags_to_snapshot) ? pass : fail(`copy_tags_to_snapshot is ${r.config.copy_tags_to_snapshot ?? "not set"}`);
  },
};
