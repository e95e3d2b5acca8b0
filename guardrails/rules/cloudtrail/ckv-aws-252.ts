/**
 * CKV_AWS_252 (Checkov CKV_AWS_252): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudtrailDefinesSNSTopic.py.
 */
import type { Rule } from "../../types";
import { mustBeSet } from "../helpers";
import { TRAIL } from "./shared";

export const CKV_AWS_252: Rule = mustBeSet(
  {
    id: "CKV_AWS_252",
    checkov: "CKV_AWS_252",
    severity: "low",
    resourceTypes: TRAIL,
    description: "sns_topic_name is set.",
    fix:
      "`sns_topic_name`: a log-delivery topic a SIEM subscribes to, not an alarm topic (one notice per " +
      "log file); Audit creates <app>-<env>-trail-deliveries.",
  },
  "sns_topic_name",
);
