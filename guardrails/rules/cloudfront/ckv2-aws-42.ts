/**
 * CKV2_AWS_42 (Checkov CKV2_AWS_42): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/CloudFrontHasCustomSSLCertificate.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { DIST } from "./shared";

export const CKV2_AWS_42: Rule = {
  id: "CKV2_AWS_42",
  checkov: "CKV2_AWS_42",
  severity: "medium",
  resourceTypes: DIST,
  description: "viewer_certificate has an acm_certificate_arn or iam_certificate_id.",
  fix: "`viewer_certificate.acm_certificate_arn`: an ACM certificate in us-east-1 (CdnDistribution does this).",
  check: (d) =>
    get(d.config, "viewer_certificate.acm_certificate_arn") || get(d.config, "viewer_certificate.iam_certificate_id")
      ? pass
      : fail("no custom certificate"),
};
