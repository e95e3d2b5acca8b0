/**
 * CKV_AWS_274 (Checkov CKV_AWS_274): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/IAMManagedAdminPolicy.py.
 */
import { fail, pass, type Rule } from "../../types";
import { attachedArns, ATTACHMENTS, MANAGED } from "./shared";

export const CKV_AWS_274: Rule = {
  id: "CKV_AWS_274",
  checkov: "CKV_AWS_274",
  severity: "critical",
  resourceTypes: ATTACHMENTS,
  description: "AdministratorAccess is not attached.",
  fix: "`policy_arn`: least-privilege policies, not AdministratorAccess.",
  check: (r) =>
    attachedArns(r).some((a) => MANAGED("AdministratorAccess").some((p) => p.test(a))) ? fail("AdministratorAccess attached") : pass,
};
