/**
 * CKV_AWS_144 (Checkov CKV_AWS_144): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3BucketReplicationConfiguration.yaml.
 */
import type { Rule } from "../../types";
import { all, blocks, companionRule } from "../helpers";
import { BUCKET } from "./shared";

export const CKV_AWS_144: Rule = companionRule(
  {
    id: "CKV_AWS_144",
    checkov: "CKV_AWS_144",
    severity: "low",
    resourceTypes: BUCKET,
    description:
      "Cross-region replication has an Enabled rule, inline (replication_configuration.rules) or in a connected " +
      "aws_s3_bucket_replication_configuration.",
    fix:
      "`aws_s3_bucket_replication_configuration` to the DR region (SecureBucket does this with " +
      "drRegion), or suppress with the residency/durability reason.",
  },
  ["aws_s3_bucket_replication_configuration"],
  (c) => blocks(c.config.rule).some((r) => r.status === "Enabled"),
  "no enabled cross-region replication",
  (b) =>
    all(b.config, "replication_configuration.rules")
      .flatMap(blocks)
      .some((r) => r.status === "Enabled"),
);
