/**
 * CKV_AWS_274 (Checkov CKV_AWS_274): AdministratorAccess is not attached.
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
  fix: "Attach least-privilege policies.",
  check: (r) =>
    attachedArns(r).some((a) => MANAGED("AdministratorAccess").some((p) => p.test(a))) ? fail("AdministratorAccess attached") : pass,
};
