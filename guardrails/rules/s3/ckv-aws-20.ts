/**
 * CKV_AWS_20 (Checkov CKV_AWS_20; Trivy AWS-0092): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3PublicACLRead.yaml;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/s3/no_public_access_with_acl.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { BUCKET, PUBLIC_ACLS } from "./shared";

export const CKV_AWS_20: Rule = {
  id: "CKV_AWS_20",
  checkov: "CKV_AWS_20",
  trivy: ["AWS-0092", "aws-s3-no-public-access-with-acl"],
  severity: "high",
  resourceTypes: BUCKET,
  description: "No public canned ACL (public-read, public-read-write, website, authenticated-read) and no grant to AllUsers.",
  stricter:
    "Checkov: its grant test passes when any grantee differs from AllUsers, so a LogDelivery grant beside an AllUsers " +
    "grant passes there; here any grant to AllUsers fails.",
  fix: '`acl`: remove it and any AllUsers grant; `object_ownership = "BucketOwnerEnforced"` disables ACLs (SecureBucket does this).',
  check: (b, g) => {
    const acls = [b.config.acl, ...g.referencing(b, "aws_s3_bucket_acl").map((a) => a.config.acl)];
    const grants = g.referencing(b, "aws_s3_bucket_acl").flatMap((a) => JSON.stringify(a.config.access_control_policy ?? ""));
    if (acls.some((a) => typeof a === "string" && PUBLIC_ACLS.includes(a))) return fail(`public ACL ${acls.filter(Boolean).join(", ")}`);
    if (grants.some((s) => s.includes("global/AllUsers"))) return fail("an ACL grants access to AllUsers");
    return pass;
  },
};
