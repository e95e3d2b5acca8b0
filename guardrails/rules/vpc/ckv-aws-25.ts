/**
 * CKV_AWS_25 (Checkov CKV_AWS_25; Trivy AWS-0107): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_public_ingress_sgr.rego.
 */
import type { Rule } from "../../types";
import { publicIngressRule } from "./shared";

export const CKV_AWS_25: Rule = publicIngressRule(
  "CKV_AWS_25",
  3389,
  ["AWS-0107"],
  "`cidr_blocks` / `cidr_ipv4`: no 0.0.0.0/0 or ::/0 on port 3389; reach hosts through SSM Session Manager.",
);
