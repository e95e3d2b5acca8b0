/**
 * CKV_AWS_277 (Checkov CKV_AWS_277; Trivy AWS-0107): No ingress from 0.0.0.0/0 or ::/0 on all ports.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_public_ingress_sgr.rego.
 */
import type { Rule } from "../../types";
import { publicIngressRule } from "./shared";

export const CKV_AWS_277: Rule = publicIngressRule("CKV_AWS_277", "any", ["AWS-0107"], "Open only the ports the service listens on.");
