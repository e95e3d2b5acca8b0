/**
 * CKV2_AWS_3 (Checkov CKV2_AWS_3): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/GuardDutyIsEnabled.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";

export const CKV2_AWS_3: Rule = {
  id: "CKV2_AWS_3",
  checkov: "CKV2_AWS_3",
  severity: "medium",
  resourceTypes: ["aws_guardduty_detector"],
  description: "The detector is enabled and connected to an aws_guardduty_organization_configuration that auto-enables members (ALL/NEW).",
  fix:
    "`aws_guardduty_organization_configuration` from the delegated administrator, or suppress on " +
    "per-account detectors with that reason.",
  check: (d, g) => {
    const orgs = g.referencing(d, "aws_guardduty_organization_configuration");
    const auto = orgs.some(
      (o) => isTrue(o.config.auto_enable) || ["ALL", "NEW"].includes(String(o.config.auto_enable_organization_members)),
    );
    return isTrue(d.config.enable) && auto ? pass : fail("no organization configuration auto-enables GuardDuty for member accounts");
  },
};
