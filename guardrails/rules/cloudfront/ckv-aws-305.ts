/**
 * CKV_AWS_305 (Checkov CKV_AWS_305): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudfrontDistributionDefaultRoot.py.
 */
import { fail, pass, type Rule } from "../../types";
import { DIST } from "./shared";

export const CKV_AWS_305: Rule = {
  id: "CKV_AWS_305",
  checkov: "CKV_AWS_305",
  severity: "low",
  resourceTypes: DIST,
  description: "default_root_object is set.",
  fix: '`default_root_object = "index.html"`, or suppress for API-only origins.',
  check: (d) => (d.config.default_root_object ? pass : fail("no default root object")),
};
