/**
 * CKV_AWS_227 (Checkov CKV_AWS_227): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/KMSKeyIsEnabled.py.
 */
import { fail, pass, type Rule } from "../../types";
import { isFalse } from "../helpers";
import { KEY } from "./shared";

export const CKV_AWS_227: Rule = {
  id: "CKV_AWS_227",
  checkov: "CKV_AWS_227",
  severity: "low",
  resourceTypes: KEY,
  description: "is_enabled is not false.",
  fix: "`is_enabled`: remove `false`, or delete the key deliberately.",
  check: (k) => (isFalse(k.config.is_enabled) ? fail("key is disabled") : pass),
};
