/**
 * CKV_AWS_174 (Checkov CKV_AWS_174): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudfrontTLS12.py.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks, get, isTrue, show } from "../helpers";
import { DIST } from "./shared";

export const CKV_AWS_174: Rule = {
  id: "CKV_AWS_174",
  checkov: "CKV_AWS_174",
  severity: "high",
  resourceTypes: DIST,
  description:
    "viewer_certificate is not the default *.cloudfront.net certificate and its " +
    "minimum_protocol_version matches TLSv1.2_<year> or TLSv1.3_<year> (TLSv1.2_2018 passes).",
  fix: '`viewer_certificate`: an ACM certificate (us-east-1) with `minimum_protocol_version = "TLSv1.2_2021"` (CdnDistribution does this).',
  check: (d) => {
    if (blocks(d.config.viewer_certificate).length === 0) return fail("no viewer_certificate");
    if (isTrue(get(d.config, "viewer_certificate.cloudfront_default_certificate"))) return fail("default *.cloudfront.net certificate");
    const v = get(d.config, "viewer_certificate.minimum_protocol_version");
    return typeof v === "string" && /^TLSv1\.(?:2|3)_\d{4}$/.test(v) ? pass : fail(`minimum_protocol_version ${show(v)}`);
  },
};
