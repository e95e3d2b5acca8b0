/**
 * CKV_AWS_327 (Checkov CKV_AWS_327): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSClusterEncryptedWithCMK.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";
import { CLUSTER } from "./shared";

export const CKV_AWS_327: Rule = mustBeSet(
  {
    id: "CKV_AWS_327",
    checkov: "CKV_AWS_327",
    severity: "high",
    resourceTypes: CLUSTER,
    description: "kms_key_id is set (CMK).",
    fix: "`kms_key_id`: the environment's CMK ARN (AuroraCluster does this).",
  },
  "kms_key_id",
);
