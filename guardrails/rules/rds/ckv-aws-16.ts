/**
 * CKV_AWS_16 (Checkov CKV_AWS_16; Trivy AWS-0080): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSEncryption.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/rds/encrypt_instance_storage_data.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { INSTANCE } from "./shared";

export const CKV_AWS_16: Rule = {
  id: "CKV_AWS_16",
  checkov: "CKV_AWS_16",
  trivy: ["AWS-0080", "aws-rds-encrypt-instance-storage-data"],
  severity: "high",
  resourceTypes: INSTANCE,
  description: "storage_encrypted = true (Trivy skips read replicas, Checkov does not).",
  fix: "`storage_encrypted = true` and `kms_key_id` = the environment's CMK ARN (Database does this).",
  check: (r) => (isTrue(r.config.storage_encrypted) ? pass : fail(`storage_encrypted is ${r.config.storage_encrypted ?? "not set"}`)),
};
