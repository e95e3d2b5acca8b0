/**
 * CKV_AWS_91 (Checkov CKV_AWS_91): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ELBv2AccessLogs.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { get, isTrue } from "../helpers";
import { LB } from "./shared";

export const CKV_AWS_91: Rule = {
  id: "CKV_AWS_91",
  checkov: "CKV_AWS_91",
  severity: "medium",
  resourceTypes: LB,
  description: "access_logs.enabled = true.",
  fix: "`access_logs { enabled = true, bucket = <SSE-S3 log bucket> }` (LoadBalancer does this).",
  check: (lb) =>
    lb.config.load_balancer_type === "gateway"
      ? notApplicable
      : isTrue(get(lb.config, "access_logs.enabled"))
        ? pass
        : fail("access logs are off"),
};
