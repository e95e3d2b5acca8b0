/**
 * CKV_AWS_245 (Checkov CKV_AWS_245): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSInstanceAutoBackupEncryptionWithCMK.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";

export const CKV_AWS_245: Rule = mustBeSet(
  {
    id: "CKV_AWS_245",
    checkov: "CKV_AWS_245",
    severity: "medium",
    resourceTypes: ["aws_db_instance_automated_backups_replication"],
    description: "Replicated automated backups set kms_key_id.",
    fix: "`kms_key_id`: a CMK in the destination region.",
  },
  "kms_key_id",
);
