/**
 * AWS-0161 (Trivy AWS-0161): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/cloudtrail/no_public_log_access.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { TRAIL, trailBucket } from "./shared";

export const AWS_0161: Rule = {
  id: "AWS-0161",
  trivy: ["AWS-0161", "aws-cloudtrail-no-public-log-access"],
  severity: "critical",
  resourceTypes: TRAIL,
  description: "The trail's bucket has no public ACL.",
  fix: "`acl` of the trail's bucket: remove public ACLs (SecureBucket disables ACLs).",
  check: (t, g) => {
    const b = trailBucket(t, g);
    const acls = b ? [b.config.acl, ...g.referencing(b, "aws_s3_bucket_acl").map((a) => a.config.acl)] : [];
    return acls.some((a) => String(a ?? "").startsWith("public") || a === "authenticated-read") ? fail("trail bucket ACL is public") : pass;
  },
};
