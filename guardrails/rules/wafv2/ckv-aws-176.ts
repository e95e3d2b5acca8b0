/**
 * CKV_AWS_176 (Checkov CKV_AWS_176): its `description` below says what it checks.
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
  fix: "`logging_configuration.log_destination`, or move to WAFv2.",
  check: (acl) => (get(acl.config, "logging_configuration.log_destination") ? pass : fail("classic WAF ACL does not log")),
};
