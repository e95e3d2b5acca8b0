/**
 * CKV_AWS_31 (Checkov CKV_AWS_31): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElasticacheReplicationGroupEncryptionAtTransitAuthToken.py.
 */
import { fail, pass, type Rule } from "../../types";
import { isSet, isTrue } from "../helpers";
import { RG } from "./shared";

export const CKV_AWS_31: Rule = {
  id: "CKV_AWS_31",
  checkov: "CKV_AWS_31",
  severity: "high",
  resourceTypes: RG,
  description: "In-transit encryption on and an auth_token or user_group_ids (RBAC) set.",
  fix: "`auth_token` from Secrets Manager (Cache does this) or `user_group_ids` (RBAC), with `transit_encryption_enabled = true`.",
  check: (r) =>
    isTrue(r.config.transit_encryption_enabled) && (isSet(r.config.auth_token) || isSet(r.config.user_group_ids))
      ? pass
      : fail("no TLS + AUTH (auth_token or user_group_ids)"),
};
