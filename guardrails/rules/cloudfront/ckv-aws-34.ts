/**
 * CKV_AWS_34 (Checkov CKV_AWS_34; Trivy AWS-0012): its `description` below says what it checks.
 * Scanner source:
 *
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
  fix: '`viewer_protocol_policy`: "redirect-to-https" or "https-only" on every cache behavior (CdnDistribution does this).',
  check: (d) => (behaviors(d).some((b) => b.viewer_protocol_policy === "allow-all") ? fail("a behavior allows HTTP") : pass),
};
