/**
 * CKV_AWS_326 (Checkov CKV_AWS_326): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSClusterAuroraBacktrack.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { CLUSTER } from "./shared";

export const CKV_AWS_326: Rule = {
  id: "CKV_AWS_326",
  checkov: "CKV_AWS_326",
  severity: "low",
  resourceTypes: CLUSTER,
  description:
    "Aurora MySQL clusters (engine aurora, aurora-mysql, or unset: the provider's default is aurora) set a non-zero " +
    "backtrack_window (PostgreSQL: not applicable).",
  fix: "`backtrack_window`: seconds (up to 259200) on aurora-mysql clusters.",
  check: (r) =>
    !["aurora", "aurora-mysql", "undefined"].includes(String(r.config.engine))
      ? notApplicable
      : Number(get(r.config, "backtrack_window") ?? 0) > 0
        ? pass
        : fail("backtrack_window is 0 or not set"),
};
