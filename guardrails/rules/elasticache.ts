/** ElastiCache Redis: scanner-rules.md §2.4. */
import { fail, notApplicable, pass, type Rule } from "../types";
import { isFalse, isSet, isTrue, mustBeSet, mustBeTrue, show } from "./helpers";

const RG = ["aws_elasticache_replication_group"];

export const elasticacheRules: Rule[] = [
  mustBeTrue(
    {
      id: "CKV_AWS_29",
      checkov: "CKV_AWS_29",
      trivy: ["AWS-0045", "aws-elasticache-enable-at-rest-encryption"],
      severity: "high",
      resourceTypes: RG,
      description: "at_rest_encryption_enabled = true.",
      fix: "Set at_rest_encryption_enabled = true with kms_key_id.",
    },
    "at_rest_encryption_enabled",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_30",
      checkov: "CKV_AWS_30",
      trivy: ["AWS-0051", "aws-elasticache-enable-in-transit-encryption"],
      severity: "high",
      resourceTypes: RG,
      description: "transit_encryption_enabled = true.",
      fix: "Set transit_encryption_enabled = true.",
    },
    "transit_encryption_enabled",
  ),
  {
    id: "CKV_AWS_31",
    checkov: "CKV_AWS_31",
    severity: "high",
    resourceTypes: RG,
    description: "In-transit encryption on and an auth_token or user_group_ids (RBAC) set.",
    fix: "Use RBAC user_group_ids (keeps the token out of state) or an auth_token from Secrets Manager.",
    check: (r) =>
      isTrue(r.config.transit_encryption_enabled) && (isSet(r.config.auth_token) || isSet(r.config.user_group_ids))
        ? pass
        : fail("no TLS + AUTH (auth_token or user_group_ids)"),
  },
  mustBeSet(
    {
      id: "CKV_AWS_191",
      checkov: "CKV_AWS_191",
      severity: "medium",
      resourceTypes: RG,
      description: "kms_key_id is set (CMK at rest).",
      fix: "Set kms_key_id to the environment's CMK.",
    },
    "kms_key_id",
  ),
  mustBeTrue(
    {
      id: "CKV2_AWS_50",
      checkov: "CKV2_AWS_50",
      severity: "medium",
      resourceTypes: RG,
      description: "automatic_failover_enabled = true (needs 2+ nodes).",
      fix: "Run 2+ nodes with automatic_failover_enabled = true, or suppress for single-node dev caches.",
    },
    "automatic_failover_enabled",
  ),
  {
    id: "CKV_AWS_134",
    checkov: "CKV_AWS_134",
    severity: "medium",
    resourceTypes: ["aws_elasticache_cluster"],
    description: "Every non-memcached cluster (redis, valkey, any node type) keeps snapshots: snapshot_retention_limit is set and not 0.",
    fix: "Set snapshot_retention_limit (days).",
    check: (r) =>
      r.config.engine === "memcached"
        ? notApplicable
        : Number(r.config.snapshot_retention_limit ?? 0) > 0
          ? pass
          : fail("snapshot_retention_limit is 0 or not set"),
  },
  {
    id: "AWS-0050",
    trivy: ["AWS-0050", "aws-elasticache-enable-backup-retention"],
    severity: "medium",
    resourceTypes: ["aws_elasticache_cluster"],
    description:
      "Trivy's half of CKV_AWS_134: only engine redis on a node type other than cache.t1.micro needs snapshot_retention_limit above 0.",
    fix: "Set snapshot_retention_limit (days).",
    check: (r) =>
      r.config.engine !== "redis" || r.config.node_type === "cache.t1.micro"
        ? notApplicable
        : Number(r.config.snapshot_retention_limit ?? 0) > 0
          ? pass
          : fail("snapshot_retention_limit is 0 or not set"),
  },
  {
    id: "CKV_AWS_322",
    checkov: "CKV_AWS_322",
    severity: "low",
    resourceTypes: ["aws_elasticache_cluster"],
    description: "auto_minor_version_upgrade is not false.",
    fix: "Leave auto_minor_version_upgrade on.",
    check: (r) => (isFalse(r.config.auto_minor_version_upgrade) ? fail("minor upgrades are off") : pass),
  },
  mustBeSet(
    {
      id: "CKV_AWS_323",
      checkov: "CKV_AWS_323",
      severity: "medium",
      resourceTypes: ["aws_elasticache_cluster"],
      description: "subnet_group_name is set (the cluster runs in the VPC's data subnets).",
      fix: "Set subnet_group_name to the data-tier subnet group.",
    },
    "subnet_group_name",
  ),
  {
    id: "CKV_AWS_196",
    checkov: "CKV_AWS_196",
    severity: "low",
    resourceTypes: ["aws_elasticache_security_group"],
    description: "aws_elasticache_security_group (EC2-Classic) must not be used.",
    fix: "Use a VPC security group.",
    check: () => fail("EC2-Classic cache security group"),
  },
  {
    id: "AWS-0049",
    trivy: ["AWS-0049", "aws-elasticache-add-description-for-security-group"],
    severity: "low",
    resourceTypes: ["aws_elasticache_security_group"],
    description:
      "Trivy's half of CKV_AWS_196: an aws_elasticache_security_group has a description other than " +
      'empty or Terraform\'s default "Managed by Terraform" (CKV_AWS_196 forbids the type outright).',
    fix: "Describe the group, or better use a VPC security group (CKV_AWS_196).",
    check: (r) => {
      const d = r.config.description;
      return d === undefined || d === "" || d === "Managed by Terraform" ? fail(`description is ${show(d)}`) : pass;
    },
  },
];
