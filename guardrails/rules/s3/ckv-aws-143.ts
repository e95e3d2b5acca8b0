/**
 * CKV_AWS_143 (Checkov CKV_AWS_143): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3BucketObjectLock.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { BUCKET } from "./shared";

export const CKV_AWS_143: Rule = {
  id: "CKV_AWS_143",
  checkov: "CKV_AWS_143",
  severity: "low",
  resourceTypes: BUCKET,
  description: "Where an inline object_lock_configuration exists, object_lock_enabled is Enabled (absent: not applicable).",
  fix: '`object_lock_configuration.object_lock_enabled = "Enabled"`, or remove the block.',
  check: (b) => {
    const v = get(b.config, "object_lock_configuration.object_lock_enabled");
    if (v === undefined) return notApplicable;
    return v === "Enabled" ? pass : fail(`object_lock_enabled is ${v}`);
  },
};
