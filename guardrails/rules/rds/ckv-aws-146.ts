/**
 * CKV_AWS_146 (Checkov CKV_AWS_146): storage_encrypted = true.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSClusterSnapshotEncrypted.py.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";

export const CKV_AWS_146: Rule = mustBeTrue(
  {
    id: "CKV_AWS_146",
    checkov: "CKV_AWS_146",
    severity: "high",
    resourceTypes: ["aws_db_cluster_snapshot"],
    description: "storage_encrypted = true.",
    fix: "Snapshot only encrypted clusters.",
  },
  "storage_encrypted",
);
