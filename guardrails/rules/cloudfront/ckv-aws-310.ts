/**
 * CKV_AWS_310 (Checkov CKV_AWS_310): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudfrontDistributionOriginFailover.py.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks } from "../helpers";
import { DIST } from "./shared";

export const CKV_AWS_310: Rule = {
  id: "CKV_AWS_310",
  checkov: "CKV_AWS_310",
  severity: "low",
  resourceTypes: DIST,
  description: "An origin group with failover criteria and 2+ members exists.",
  fix: "`origin_group` with failover criteria and two origins, or suppress for single-origin distributions.",
  check: (d) => {
    const groups = blocks(d.config.origin_group);
    return groups.length > 0 && groups.every((og) => blocks(og.failover_criteria).length > 0 && blocks(og.member).length >= 2)
      ? pass
      : fail("no origin failover");
  },
};
