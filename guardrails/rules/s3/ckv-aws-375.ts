/**
 * CKV_AWS_375 (Checkov CKV_AWS_375): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3GlobalViewACL.py.
 */
import { fail, pass, type Rule } from "../../types";
import { all, get } from "../helpers";

export const CKV_AWS_375: Rule = {
  id: "CKV_AWS_375",
  checkov: "CKV_AWS_375",
  severity: "critical",
  resourceTypes: ["aws_s3_bucket_acl"],
  description: "No FULL_CONTROL or READ_ACP grant to AllUsers.",
  fix:
    "`access_control_policy.grant`: no FULL_CONTROL or READ_ACP grant to AllUsers; keep ACLs " +
    "disabled (BucketOwnerEnforced, as SecureBucket does).",
  check: (a) =>
    all(a.config, "access_control_policy.grant").some(
      (g) => JSON.stringify(g).includes("global/AllUsers") && ["FULL_CONTROL", "READ_ACP"].includes(String(get(g, "permission"))),
    )
      ? fail("AllUsers may read or change the ACL")
      : pass,
};
