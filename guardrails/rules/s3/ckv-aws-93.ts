/**
 * CKV_AWS_93 (Checkov CKV_AWS_93): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3ProtectAgainstPolicyLockout.py.
 */
import type { Rule } from "../../types";
import { isWildcardPrincipal, list, policyRule } from "../helpers";

export const CKV_AWS_93: Rule = policyRule(
  {
    id: "CKV_AWS_93",
    checkov: "CKV_AWS_93",
    severity: "high",
    resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_policy"],
    description:
      "No unconditional Deny of * / s3:* / s3:Put* / bucket-policy actions to everyone (locks out the account root); a literal " +
      "policy that is not JSON passes, as in Checkov (IAM rejects it).",
    fix:
      "`policy`: give a Deny-all statement a Condition (e.g. aws:SecureTransport = false) so it cannot " +
      "lock out the account (SecureBucket's TLS deny does).",
  },
  "policy",
  (st) =>
    st.some(
      (s) =>
        s.Effect === "Deny" &&
        !s.Condition &&
        !s.NotAction &&
        isWildcardPrincipal(s.Principal) &&
        list(s.Action).some((a) => ["*", "s3:*", "s3:Put*", "s3:*BucketPolicy", "s3:PutBucketPolicy"].includes(a)),
    )
      ? "an unconditional Deny of all principals would lock out the account"
      : undefined,
  { literalNotJson: "pass" },
);
