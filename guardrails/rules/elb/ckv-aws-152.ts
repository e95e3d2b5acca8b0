/**
 * CKV_AWS_152 (Checkov CKV_AWS_152): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/LBCrossZone.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { isAlb, LB } from "./shared";

export const CKV_AWS_152: Rule = {
  id: "CKV_AWS_152",
  checkov: "CKV_AWS_152",
  severity: "low",
  resourceTypes: LB,
  description: "Network/gateway LBs enable cross-zone load balancing (application LBs: not applicable, always on).",
  fix: "`enable_cross_zone_load_balancing = true`.",
  check: (lb) =>
    isAlb(lb) ? notApplicable : isTrue(lb.config.enable_cross_zone_load_balancing) ? pass : fail("cross-zone load balancing is off"),
};
