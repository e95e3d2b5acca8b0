/**
 * CKV_AWS_238 (Checkov CKV_AWS_238): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/GuarddutyDetectorEnabled.py.
 */
import { fail, pass, type Rule } from "../../types";
import { isFalse } from "../helpers";

export const CKV_AWS_238: Rule = {
  id: "CKV_AWS_238",
  checkov: "CKV_AWS_238",
  severity: "medium",
  resourceTypes: ["aws_guardduty_detector"],
  description: "enable is not false (missing passes).",
  fix: "`enable = true` (Audit does this).",
  check: (d) => (isFalse(d.config.enable) ? fail("the detector is disabled") : pass),
};
