/**
 * AWS-0132 (Trivy AWS-0132): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/s3/encryption_customer_key.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { all, isSet } from "../helpers";
import { BUCKET, bucketCompanions, isTrivyLogTarget, SSE } from "./shared";

export const AWS_0132: Rule = {
  id: "AWS-0132",
  trivy: ["AWS-0132", "aws-s3-encryption-customer-key"],
  severity: "high",
  resourceTypes: BUCKET,
  description:
    "Trivy's half of CKV_AWS_145: default encryption (inline or an SSE configuration of this " +
    "bucket) names a kms_master_key_id; log-delivery targets (log-delivery-write ACL, a LogDelivery " +
    "grant with WRITE or FULL_CONTROL, a policy letting logging.s3.amazonaws.com s3:PutObject) are exempt.",
  fix: '`kms_master_key_id`: a customer-managed key ARN, with `sse_algorithm = "aws:kms"` (SecureBucket does this).',
  check: (b, g) => {
    if (isTrivyLogTarget(b, g, (p) => p.includes("WRITE") || p.includes("FULL_CONTROL"))) return pass;
    const configs = [b.config.server_side_encryption_configuration, ...bucketCompanions(b, g, SSE).map((c) => c.config)];
    const keys = configs.flatMap((c) => all(c, "rule.apply_server_side_encryption_by_default.kms_master_key_id"));
    return keys.some(isSet) ? pass : fail("no kms_master_key_id in the bucket's default encryption");
  },
};
