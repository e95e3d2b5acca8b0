/**
 * AWS-0163 (Trivy AWS-0163): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/cloudtrail/require_bucket_access_logging.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { blocks } from "../helpers";
import { TRAIL, trailBucket } from "./shared";

export const AWS_0163: Rule = {
  id: "AWS-0163",
  trivy: ["AWS-0163", "aws-cloudtrail-require-bucket-access-logging"],
  severity: "low",
  resourceTypes: TRAIL,
  description:
    "The trail's bucket, where it is in the same configuration, has access logging (inline logging or an " +
    "aws_s3_bucket_logging); a bucket elsewhere is not judged, as in Trivy.",
  fix: "`aws_s3_bucket_logging` for the trail's bucket, to a log bucket (SecureBucket does this).",
  check: (t, g) => {
    const b = trailBucket(t, g);
    if (!b) return notApplicable;
    return blocks(b.config.logging).length > 0 || g.referencing(b, "aws_s3_bucket_logging").length > 0
      ? pass
      : fail("the trail bucket is not access-logged");
  },
};
