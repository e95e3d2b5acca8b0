/**
 * CKV_AWS_7 (Checkov CKV_AWS_7; Trivy AWS-0065): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/KMSRotation.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/kms/auto_rotate_keys.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { KEY } from "./shared";

export const CKV_AWS_7: Rule = {
  id: "CKV_AWS_7",
  checkov: "CKV_AWS_7",
  trivy: ["AWS-0065", "aws-kms-auto-rotate-keys"],
  severity: "medium",
  resourceTypes: KEY,
  description: "enable_key_rotation = true for symmetric/HMAC keys (Trivy skips SIGN_VERIFY keys).",
  fix: "`enable_key_rotation = true` (EncryptionKey does this).",
  check: (k) => {
    const spec = k.config.customer_master_key_spec;
    if ((spec !== undefined && spec !== "SYMMETRIC_DEFAULT" && !String(spec).startsWith("HMAC")) || k.config.key_usage === "SIGN_VERIFY")
      return notApplicable;
    return isTrue(k.config.enable_key_rotation) ? pass : fail("key rotation is off");
  },
};
