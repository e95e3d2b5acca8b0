/**
 * CKV_AWS_328 (Checkov CKV_AWS_328): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ALBDesyncMode.py.
 */
import { fail, pass, type Rule } from "../../types";
import { LB } from "./shared";

export const CKV_AWS_328: Rule = {
  id: "CKV_AWS_328",
  checkov: "CKV_AWS_328",
  severity: "medium",
  resourceTypes: [...LB, "aws_elb"],
  description: "desync_mitigation_mode is not monitor.",
  fix: '`desync_mitigation_mode`: "defensive" (the default) or "strictest".',
  check: (lb) => (lb.config.desync_mitigation_mode === "monitor" ? fail("desync mitigation only monitors") : pass),
};
