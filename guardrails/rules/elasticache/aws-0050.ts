/**
 * AWS-0050 (Trivy AWS-0050): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/elasticache/enable_backup_retention.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";

export const AWS_0050: Rule = {
  id: "AWS-0050",
  trivy: ["AWS-0050", "aws-elasticache-enable-backup-retention"],
  severity: "medium",
  resourceTypes: ["aws_elasticache_cluster"],
  description:
    "Trivy's half of CKV_AWS_134: only engine redis on a node type other than cache.t1.micro needs snapshot_retention_limit above 0.",
  fix: "`snapshot_retention_limit`: days to keep snapshots, above 0.",
  check: (r) =>
    r.config.engine !== "redis" || r.config.node_type === "cache.t1.micro"
      ? notApplicable
      : Number(r.config.snapshot_retention_limit ?? 0) > 0
        ? pass
        : fail("snapshot_retention_limit is 0 or not set"),
};
