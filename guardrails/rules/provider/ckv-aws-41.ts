/**
 * CKV_AWS_41 (Checkov CKV_AWS_41): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/provider/aws/credentials.py.
 */
import { fail, pass, type Rule } from "../../types";

export const CKV_AWS_41: Rule = {
  id: "CKV_AWS_41",
  checkov: "CKV_AWS_41",
  severity: "critical",
  resourceTypes: ["provider.aws"],
  description: "No hard-coded access_key / secret_key in the provider.",
  stricter:
    "Checkov: only values that look like AWS keys (AKIA..., 40 characters) fail there; any access_key or secret_key, " +
    "a variable included, fails here (credentials come from the environment or an assumed role).",
  fix: "`access_key` / `secret_key`: remove them; use `assume_role` (or OIDC) and the environment's credential chain.",
  check: (p) => (p.config.access_key || p.config.secret_key ? fail("credentials in code") : pass),
};
