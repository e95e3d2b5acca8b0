/**
 * CKV2_AWS_64 (Checkov CKV2_AWS_64): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/KmsKeyPolicyIsDefined.yaml.
 */
import type { Rule } from "../../types";
import { companionRule } from "../helpers";
import { KEY } from "./shared";

export const CKV2_AWS_64: Rule = companionRule(
  {
    id: "CKV2_AWS_64",
    checkov: "CKV2_AWS_64",
    severity: "medium",
    resourceTypes: KEY,
    description: "An explicit key policy exists (inline policy or an aws_kms_key_policy).",
    fix: "`policy` (or an aws_kms_key_policy): write the key policy explicitly (EncryptionKey always does).",
  },
  ["aws_kms_key_policy"],
  () => true,
  "no key policy: the default policy applies",
  (k) => typeof k.config.policy === "string" && k.config.policy.length > 0,
);
