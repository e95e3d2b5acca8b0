/**
 * CKV_AWS_322 (Checkov CKV_AWS_322): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElasticCacheAutomaticMinorUpgrades.py.
 */
import { fail, pass, type Rule } from "../../types";
import { isFalse } from "../helpers";

export const CKV_AWS_322: Rule = {
  id: "CKV_AWS_322",
  checkov: "CKV_AWS_322",
  severity: "low",
  resourceTypes: ["aws_elasticache_cluster"],
  description: "auto_minor_version_upgrade is not false.",
  stricter: "Checkov: a memcached cluster is unknown there; here it is judged like the others.",
  fix: "`auto_minor_version_upgrade`: leave it unset or true.",
  check: (r) => (isFalse(r.config.auto_minor_version_upgrade) ? fail("minor upgrades are off") : pass),
};
