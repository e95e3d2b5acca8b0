/**
 * CKV_AWS_246 (Checkov CKV_AWS_246): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSClusterActivityStreamEncryptedWithCMK.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";

export const CKV_AWS_246: Rule = mustBeSet(
  {
    id: "CKV_AWS_246",
    checkov: "CKV_AWS_246",
    severity: "medium",
    resourceTypes: ["aws_rds_cluster_activity_stream"],
    description: "Database activity streams set kms_key_id.",
    fix: "`kms_key_id`: the environment's CMK ARN.",
  },
  "kms_key_id",
);
