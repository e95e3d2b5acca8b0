/**
 * CKV_AWS_277 (Checkov CKV_AWS_277; Trivy AWS-0107): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_public_ingress_sgr.rego.
 */
import type { Rule } from "../../types";
import { publicIngressRule } from "./shared";

export const CKV_AWS_277: Rule = publicIngressRule(
  "CKV_AWS_277",
  "any",
  ["AWS-0107"],
  "`from_port` / `to_port`: only the ports the service listens on, never all ports from the internet.",
);
