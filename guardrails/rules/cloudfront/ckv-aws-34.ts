/**
 * CKV_AWS_34 (Checkov CKV_AWS_34; Trivy AWS-0012): No cache behavior allows viewer HTTP
 * (viewer_protocol_policy allow-all).
 * Scanner source:
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudfrontDistributionEncryption.py;
 * aquasecurity/trivy-checks/checks/cloud/aws/cloudfront/enforce_https.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { behaviors, DIST } from "./shared";

export const CKV_AWS_34: Rule = {
  id: "CKV_AWS_34",
  checkov: "CKV_AWS_34",
  trivy: ["AWS-0012", "aws-cloudfront-enforce-https"],
  severity: "high",
  resourceTypes: DIST,
  description: "No cache behavior allows viewer HTTP (viewer_protocol_policy allow-all).",
  fix: "Use redirect-to-https or https-only.",
  check: (d) => (behaviors(d).some((b) => b.viewer_protocol_policy === "allow-all") ? fail("a behavior allows HTTP") : pass),
};
