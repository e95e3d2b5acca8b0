/**
 * CKV_AWS_252 (Checkov CKV_AWS_252): sns_topic_name is set.
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
      "Set sns_topic_name to a dedicated log-delivery topic that a SIEM subscribes to, not an alarm topic: one notice " +
      "per log file floods people (Audit creates <app>-<env>-trail-deliveries).",
  },
  "sns_topic_name",
);
