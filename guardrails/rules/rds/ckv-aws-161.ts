/**
 * CKV_AWS_161 (Checkov CKV_AWS_161; Trivy AWS-0176): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSIAMAuthentication.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/rds/enable_iam_auth.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { INSTANCE } from "./shared";

export const CKV_AWS_161: Rule = {
  id: "CKV_AWS_161",
  checkov: "CKV_AWS_161",
  trivy: ["AWS-0176", "aws-rds-enable-iam-auth"],
  severity: "medium",
  resourceTypes: INSTANCE,
  description: "iam_database_authentication_enabled = true, for engine mysql or postgres.",
  fix: "`iam_database_authentication_enabled = true` (Database does this).",
  check: (r) =>
    !["mysql", "postgres"].includes(String(r.config.engine))
      ? notApplicable
      : isTrue(r.config.iam_database_authentication_enabled)
        ? pass
        : fail("IAM database authentication is off"),
};
