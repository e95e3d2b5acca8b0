/**
 * CKV_AWS_191 (Checkov CKV_AWS_191): kms_key_id is set (CMK at rest).
 * Scanner source:
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
    fix: "Set kms_key_id to the environment's CMK.",
  },
  "kms_key_id",
);
