/** Readers and resource-type lists shared by the elasticache rules. */

export const RG = ["aws_elasticache_replication_group"];
