/**
 * CKV_AWS_24 (Checkov CKV_AWS_24; Trivy AWS-0107): No ingress from 0.0.0.0/0 or ::/0 covering port 22.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_public_ingress_sgr.rego.
 */
import type { Rule } from "../../types";
import { publicIngressRule } from "./shared";

export const CKV_AWS_24: Rule = publicIngressRule(
  "CKV_AWS_24",
  22,
  ["AWS-0107", "aws-ec2-no-public-ingress-sgr"],
  "Reach hosts through SSM Session Manager; never open SSH to the internet.",
);
