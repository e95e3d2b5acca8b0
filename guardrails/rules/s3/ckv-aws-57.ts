/**
 * CKV_AWS_57 (Checkov CKV_AWS_57; Trivy AWS-0092): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3PublicACLWrite.yaml;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/s3/no_public_access_with_acl.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { all, blocks, get } from "../helpers";
import { ALL_USERS, BUCKET } from "./shared";

export const CKV_AWS_57: Rule = {
  id: "CKV_AWS_57",
  checkov: "CKV_AWS_57",
  trivy: ["AWS-0092"],
  severity: "critical",
  resourceTypes: BUCKET,
  description:
    "No public-read-write ACL, and no aws_s3_bucket_acl grant to AllUsers where any grant of that ACL is WRITE, WRITE_ACP " +
    "or FULL_CONTROL (Checkov's S3PublicACLWrite reads the grants as a set).",
  stricter:
    "Checkov: its grantee test passes when any grantee differs from AllUsers, so a LogDelivery grant beside the AllUsers " +
    "one passes there; here the AllUsers grant fails.",
  fix:
    "`acl`: remove public-read-write and any AllUsers write grant; `object_ownership = " +
    '"BucketOwnerEnforced"` disables ACLs (SecureBucket does this).',
  check: (b, g) => {
    const acls = g.connected(b, "aws_s3_bucket_acl");
    if ([b.config.acl, ...acls.map((a) => a.config.acl)].includes("public-read-write")) return fail("acl is public-read-write");
    const writesToAll = acls.some((a) => {
      const grants = all(a.config, "access_control_policy.grant").flatMap(blocks);
      return (
        grants.some((gr) => get(gr, "grantee.uri") === ALL_USERS) &&
        grants.some((gr) => ["WRITE", "WRITE_ACP", "FULL_CONTROL"].includes(String(gr.permission)))
      );
    });
    return writesToAll ? fail("an ACL grants AllUsers alongside write permissions") : pass;
  },
};
