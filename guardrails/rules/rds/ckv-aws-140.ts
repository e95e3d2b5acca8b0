/**
 * CKV_AWS_140 (Checkov CKV_AWS_140): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSClusterEncrypted.py.
 */
import { fail, pass, type Rule, unknown } from "../../types";
import { isSet, isTrue } from "../helpers";

export const CKV_AWS_140: Rule = {
  id: "CKV_AWS_140",
  checkov: "CKV_AWS_140",
  severity: "high",
  resourceTypes: ["aws_rds_global_cluster"],
  description: "storage_encrypted = true (unknown when created from source_db_cluster_identifier, which carries its own encryption).",
  fix: "`storage_encrypted = true`.",
  check: (r) =>
    isSet(r.config.source_db_cluster_identifier)
      ? unknown("encryption comes from the source cluster")
      : isTrue(r.config.storage_encrypted)
        ? pass
        : fail("global cluster storage is not encrypted"),
};
