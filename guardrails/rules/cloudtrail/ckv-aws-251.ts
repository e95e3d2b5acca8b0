/**
 * CKV_AWS_251 (Checkov CKV_AWS_251): enable_logging is not false.
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
  fix: "Remove enable_logging = false.",
  check: (t) => (isFalse(t.config.enable_logging) ? fail("logging is stopped") : pass),
};
