/**
 * CKV_AWS_134 (Checkov CKV_AWS_134): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElasticCacheAutomaticBackup.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";

export const CKV_AWS_134: Rule = {
  id: "CKV_AWS_134",
  checkov: "CKV_AWS_134",
  severity: "medium",
  resourceTypes: ["aws_elasticache_cluster"],
  description: "Every non-memcached cluster (redis, valkey, any node type) keeps snapshots: snapshot_retention_limit is set and not 0.",
  fix: "`snapshot_retention_limit`: days to keep snapshots, above 0.",
  check: (r) =>
    r.config.engine === "memcached"
      ? notApplicable
      : Number(r.config.snapshot_retention_limit ?? 0) > 0
        ? pass
        : fail("snapshot_retention_limit is 0 or not set"),
};
