/**
 * AWS-0320 (Trivy AWS-0320): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/s3/dns_compliant_name.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { BUCKET } from "./shared";

export const AWS_0320: Rule = {
  id: "AWS-0320",
  trivy: ["AWS-0320", "aws-s3-dns-compliant-name"],
  severity: "low",
  resourceTypes: BUCKET,
  description: "The bucket name is DNS-compliant (lowercase, digits, hyphens; no dots).",
  stricter: "Trivy: only a dot in the name fails there; uppercase letters and underscores fail here too (S3 refuses them).",
  fix: "`bucket`: lowercase letters, digits and hyphens only, no dots.",
  check: (b) => {
    const name = b.config.bucket;
    if (typeof name !== "string" || name.includes("${")) return notApplicable;
    return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name) ? pass : fail(`bucket name "${name}" is not DNS-compliant`);
  },
};
