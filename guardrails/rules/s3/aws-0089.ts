/**
 * AWS-0089 (Trivy AWS-0089): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/s3/enable_logging.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks } from "../helpers";
import { BUCKET, bucketCompanions, isTrivyLogTarget } from "./shared";

export const AWS_0089: Rule = {
  id: "AWS-0089",
  trivy: ["AWS-0089", "aws-s3-enable-logging"],
  severity: "medium",
  resourceTypes: BUCKET,
  description:
    "Trivy's half of CKV_AWS_18: inline logging or an aws_s3_bucket_logging whose bucket is " +
    "this one; log-delivery targets (log-delivery-write ACL, a LogDelivery grant with FULL_CONTROL " +
    "or WRITE+READ_ACP, a policy letting logging.s3.amazonaws.com s3:PutObject) are exempt.",
  fix:
    "`aws_s3_bucket_logging` with `bucket` = this bucket and a `target_bucket` (SecureBucket's " +
    "`logging` prop writes it); log-delivery targets are exempt.",
  check: (b, g) => {
    if (blocks(b.config.logging).length > 0) return pass;
    if (bucketCompanions(b, g, "aws_s3_bucket_logging").length > 0) return pass;
    if (isTrivyLogTarget(b, g, (p) => p.includes("FULL_CONTROL") || (p.includes("WRITE") && p.includes("READ_ACP")))) return pass;
    return fail("no logging, and not a log-delivery target");
  },
};
