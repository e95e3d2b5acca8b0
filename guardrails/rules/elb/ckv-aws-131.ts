/**
 * CKV_AWS_131 (Checkov CKV_AWS_131; Trivy AWS-0052): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ALBDropHttpHeaders.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/elb/drop_invalid_headers.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { isAlb, LB } from "./shared";

export const CKV_AWS_131: Rule = {
  id: "CKV_AWS_131",
  checkov: "CKV_AWS_131",
  trivy: ["AWS-0052", "aws-elb-drop-invalid-headers"],
  severity: "high",
  resourceTypes: LB,
  description: "Application LBs drop invalid header fields.",
  fix: "`drop_invalid_header_fields = true` (LoadBalancer does this).",
  check: (lb) =>
    !isAlb(lb) ? notApplicable : isTrue(lb.config.drop_invalid_header_fields) ? pass : fail("drop_invalid_header_fields is off"),
};
