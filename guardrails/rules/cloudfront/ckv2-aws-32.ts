/**
 * CKV2_AWS_32 (Checkov CKV2_AWS_32): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/CloudFrontHasResponseHeadersPolicy.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { DIST } from "./shared";

export const CKV2_AWS_32: Rule = {
  id: "CKV2_AWS_32",
  checkov: "CKV2_AWS_32",
  severity: "medium",
  resourceTypes: DIST,
  description: "A response headers policy is referenced.",
  fix: "`response_headers_policy_id`: a security-headers policy on the cache behaviors (CdnDistribution does this).",
  check: (d, g) =>
    g.referencedBy(d, "aws_cloudfront_response_headers_policy").length > 0 ||
    JSON.stringify(d.config).includes("data.aws_cloudfront_response_headers_policy")
      ? pass
      : fail("no response headers policy"),
};
