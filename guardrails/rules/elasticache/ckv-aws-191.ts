/**
 * CKV_AWS_191 (Checkov CKV_AWS_191): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElasticacheReplicationGroupEncryptedWithCMK.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";
import { RG } from "./shared";

export const CKV_AWS_191: Rule = mustBeSet(
  {
    id: "CKV_AWS_191",
    checkov: "CKV_AWS_191",
    severity: "medium",
    resourceTypes: RG,
    description: "kms_key_id is set (CMK at rest).",
    fix: "`kms_key_id`: the environment's CMK ARN (Cache does this).",
  },
  "kms_key_id",
);
