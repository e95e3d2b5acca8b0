/**
 * CKV_AWS_157 (Checkov CKV_AWS_157): multi_az = true.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSMultiAZEnabled.py.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { INSTANCE } from "./shared";

export const CKV_AWS_157: Rule = mustBeTrue(
  {
    id: "CKV_AWS_157",
    checkov: "CKV_AWS_157",
    severity: "medium",
    resourceTypes: INSTANCE,
    description: "multi_az = true.",
    fix: "Set multi_az = true (staging/prod).",
  },
  "multi_az",
);
