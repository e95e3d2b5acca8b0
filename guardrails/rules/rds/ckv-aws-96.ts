/**
 * CKV_AWS_96 (Checkov CKV_AWS_96): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/AuroraEncryption.py.
 */
import { fail, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { CLUSTER } from "./shared";

export const CKV_AWS_96: Rule = {
  id: "CKV_AWS_96",
  checkov: "CKV_AWS_96",
  severity: "high",
  resourceTypes: CLUSTER,
  description: "storage_encrypted = true; engine_mode serverless passes (Aurora Serverless v1 storage is always encrypted), as in Checkov.",
  fix: "`storage_encrypted = true` with `kms_key_id` (AuroraCluster does this).",
  check: (r) =>
    r.config.engine_mode === "serverless" || isTrue(r.config.storage_encrypted)
      ? pass
      : fail(`storage_encrypted is ${r.config.storage_encrypted ?? "not set"}; expected true`),
};
