/**
 * PRJ_APPRUNNER_CMK (project rule, no scanner equivalent): its `description` below says what it checks.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { SERVICE } from "./shared";

export const PRJ_APPRUNNER_CMK: Rule = {
  id: "PRJ_APPRUNNER_CMK",
  severity: "high",
  resourceTypes: SERVICE,
  description: "encryption_configuration.kms_key is set: the service's source and logs are encrypted with the customer-managed key.",
  fix: "`encryption_configuration.kms_key`: the environment's data key ARN (AppRunnerService does this).",
  check: (s) => (get(s.config, "encryption_configuration.kms_key") ? pass : fail("the service uses an AWS-owned key")),
};
