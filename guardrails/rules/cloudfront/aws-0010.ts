/**
 * AWS-0010 (Trivy AWS-0010): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/cloudfront/enable_logging.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { DIST } from "./shared";

export const AWS_0010: Rule = {
  id: "AWS-0010",
  trivy: ["AWS-0010", "aws-cloudfront-enable-logging"],
  severity: "medium",
  resourceTypes: DIST,
  description:
    "Trivy's half of CKV_AWS_86: logging_config.bucket is set, or standard logging v2 is on " +
    "(an ACCESS_LOGS aws_cloudwatch_log_delivery_source of the distribution that an aws_cloudwatch_log_delivery uses).",
  fix:
    "`logging_config { bucket = <log bucket domain> }`, or ACCESS_LOGS through a log delivery source " +
    "and delivery (CdnDistribution does this).",
  check: (d, g) => {
    if (get(d.config, "logging_config.bucket")) return pass;
    const sources = g.referencing(d, "aws_cloudwatch_log_delivery_source").filter((src) => src.config.log_type === "ACCESS_LOGS");
    return sources.some((src) => g.referencing(src, "aws_cloudwatch_log_delivery").length > 0) ? pass : fail("access logging is off");
  },
};
