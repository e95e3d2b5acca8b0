/**
 * CKV_AWS_175 (Checkov CKV_AWS_175): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/WAFHasAnyRules.py.
 */
import { fail, pass, type Rule } from "../../types";
import { ALL_ACLS, filled } from "./shared";

export const CKV_AWS_175: Rule = {
  id: "CKV_AWS_175",
  checkov: "CKV_AWS_175",
  severity: "medium",
  resourceTypes: ALL_ACLS,
  description: "The web ACL (WAFv2 or classic) has a non-empty rule or rules block.",
  fix: "`rule`: add managed rule groups (WebAcl does this).",
  check: (acl) => (filled(acl.config.rule) || filled(acl.config.rules) ? pass : fail("no rules")),
};
