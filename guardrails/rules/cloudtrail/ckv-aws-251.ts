/**
 * CKV_AWS_251 (Checkov CKV_AWS_251): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudtrailEnableLogging.py.
 */
import { fail, pass, type Rule } from "../../types";
import { isFalse } from "../helpers";
import { TRAIL } from "./shared";

export const CKV_AWS_251: Rule = {
  id: "CKV_AWS_251",
  checkov: "CKV_AWS_251",
  severity: "high",
  resourceTypes: TRAIL,
  description: "enable_logging is not false.",
  fix: "`enable_logging`: remove `false`.",
  check: (t) => (isFalse(t.config.enable_logging) ? fail("logging is stopped") : pass),
};
