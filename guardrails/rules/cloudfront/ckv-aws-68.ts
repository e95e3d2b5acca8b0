/**
 * CKV_AWS_68 (Checkov CKV_AWS_68; Trivy AWS-0011): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/WAFEnabled.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/cloudfront/enable_waf.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { DIST } from "./shared";

export const CKV_AWS_68: Rule = {
  id: "CKV_AWS_68",
  checkov: "CKV_AWS_68",
  trivy: ["AWS-0011", "aws-cloudfront-enable-waf"],
  severity: "high",
  resourceTypes: DIST,
  description: "web_acl_id is set (a CLOUDFRONT-scope WAFv2 ACL ARN).",
  fix: "`web_acl_id`: the ARN of a CLOUDFRONT-scope WAFv2 web ACL (us-east-1).",
  check: (d) => (d.config.web_acl_id ? pass : fail("no WAF")),
};
