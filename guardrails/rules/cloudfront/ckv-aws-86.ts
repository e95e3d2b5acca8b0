/**
 * CKV_AWS_86 (Checkov CKV_AWS_86): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudfrontDistributionLogging.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { DIST } from "./shared";

export const CKV_AWS_86: Rule = {
  id: "CKV_AWS_86",
  checkov: "CKV_AWS_86",
  severity: "medium",
  resourceTypes: DIST,
  description: "logging_config.bucket is set (standard logging v2 is not recognised).",
  fix: "`logging_config { bucket = <log bucket domain> }`.",
  check: (d) => (get(d.config, "logging_config.bucket") ? pass : fail("access logging is off")),
};
