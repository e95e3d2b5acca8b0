/**
 * CKV2_AWS_43 (Checkov CKV2_AWS_43): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3NotAllowAccessToAllAuthenticatedUsers.yaml.
 */
import { fail, pass, type Rule } from "../../types";

export const CKV2_AWS_43: Rule = {
  id: "CKV2_AWS_43",
  checkov: "CKV2_AWS_43",
  severity: "high",
  resourceTypes: ["aws_s3_bucket_acl"],
  description: "No grant to AuthenticatedUsers (any AWS account).",
  stricter: 'Checkov: it reads only the grants, so acl = "authenticated-read" passes there; here that canned ACL fails too.',
  fix: "`access_control_policy.grant`: remove the grant to AuthenticatedUsers.",
  check: (a) =>
    a.config.acl === "authenticated-read" || JSON.stringify(a.config.access_control_policy ?? "").includes("global/AuthenticatedUsers")
      ? fail("any AWS account is granted access")
      : pass,
};
