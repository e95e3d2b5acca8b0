/**
 * AWS-0079 (Trivy AWS-0079): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/rds/encrypt_cluster_storage_data.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { isSet, isTrue } from "../helpers";
import { CLUSTER } from "./shared";

export const AWS_0079: Rule = {
  id: "AWS-0079",
  trivy: ["AWS-0079", "aws-rds-encrypt-cluster-storage-data"],
  severity: "high",
  resourceTypes: CLUSTER,
  description: "storage_encrypted = true and a kms_key_id (customer-managed key), whatever the engine_mode, as Trivy checks it.",
  fix: "`storage_encrypted = true` and `kms_key_id` = the environment's CMK ARN (AuroraCluster does this).",
  check: (r) =>
    !isTrue(r.config.storage_encrypted)
      ? fail(`storage_encrypted is ${r.config.storage_encrypted ?? "not set"}`)
      : isSet(r.config.kms_key_id)
        ? pass
        : fail("no kms_key_id (customer-managed key)"),
};
