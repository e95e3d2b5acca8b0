/**
 * CKV_AWS_146 (Checkov CKV_AWS_146): its `description` below says what it checks.
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
    fix: "`db_cluster_identifier`: snapshot only clusters with storage_encrypted = true (the snapshot inherits it).",
  },
  "storage_encrypted",
);
