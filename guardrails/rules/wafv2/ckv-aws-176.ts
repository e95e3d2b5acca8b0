/**
 * CKV_AWS_176 (Checkov CKV_AWS_176): Classic WAF ACLs log (logging_configuration.log_destination).
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/WAFHasLogs.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";

export const CKV_AWS_176: Rule = {
  id: "CKV_AWS_176",
  checkov: "CKV_AWS_176",
  severity: "medium",
  resourceTypes: ["aws_waf_web_acl", "aws_wafregional_web_acl"],
  description: "Classic WAF ACLs log (logging_configuration.log_destination).",
  fix: "Move to WAFv2, or set logging_configuration.",
  check: (acl) => (get(acl.config, "logging_configuration.log_destination") ? pass : fail("classic WAF ACL does not log")),
};
