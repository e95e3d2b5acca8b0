/**
 * CKV_AWS_162 (Checkov CKV_AWS_162): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSClusterIAMAuthentication.py.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { CLUSTER } from "./shared";

export const CKV_AWS_162: Rule = mustBeTrue(
  {
    id: "CKV_AWS_162",
    checkov: "CKV_AWS_162",
    severity: "medium",
    resourceTypes: CLUSTER,
    description: "iam_database_authentication_enabled = true.",
    fix: "`iam_database_authentication_enabled = true` (AuroraCluster does this).",
  },
  "iam_database_authentication_enabled",
);
