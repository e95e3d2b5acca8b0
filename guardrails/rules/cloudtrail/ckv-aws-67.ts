/**
 * CKV_AWS_67 (Checkov CKV_AWS_67; Trivy AWS-0014): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudtrailMultiRegion.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/cloudtrail/enable_all_regions.rego.
 */
import type { Rule } from "../../types";
import { mustBeTrue } from "../helpers";
import { TRAIL } from "./shared";

export const CKV_AWS_67: Rule = mustBeTrue(
  {
    id: "CKV_AWS_67",
    checkov: "CKV_AWS_67",
    trivy: ["AWS-0014", "aws-cloudtrail-enable-all-regions"],
    severity: "high",
    resourceTypes: TRAIL,
    description: "is_multi_region_trail = true.",
    fix: "`is_multi_region_trail = true` (Audit does this).",
  },
  "is_multi_region_trail",
);
