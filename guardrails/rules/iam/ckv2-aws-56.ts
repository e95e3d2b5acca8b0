/**
 * CKV2_AWS_56 (Checkov CKV2_AWS_56): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/IAMManagedIAMFullAccessPolicy.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { attachedArns, ATTACHMENTS, MANAGED } from "./shared";

export const CKV2_AWS_56: Rule = {
  id: "CKV2_AWS_56",
  checkov: "CKV2_AWS_56",
  severity: "critical",
  resourceTypes: [...ATTACHMENTS, "data.aws_iam_policy"],
  description:
    "IAMFullAccess is not attached, nor looked up by a data.aws_iam_policy (name IAMFullAccess, or an arn containing it), as " +
    "Checkov reads it.",
  fix: "`policy_arn`: least-privilege policies, not IAMFullAccess.",
  check: (r) => {
    if (r.type === "data.aws_iam_policy") {
      return r.config.name === "IAMFullAccess" || String(r.config.arn ?? "").includes("IAMFullAccess")
        ? fail("looks up IAMFullAccess")
        : pass;
    }
    return attachedArns(r).some((a) => MANAGED("IAMFullAccess").some((p) => p.test(a))) ? fail("IAMFullAccess attached") : pass;
  },
};
