/**
 * Per rule: a small Terraform JSON that passes it and one that fails it. Keys are
 * Terraform addresses; the subject is the first resource of a type the rule checks.
 */
export type Fixture = Record<string, Record<string, unknown>>;

const ref = (address: string, attr = "id") => `\${${address}.${attr}}`;
const policy = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const bucket = { "aws_s3_bucket.b": { bucket: "demo-bucket" } };
const withCompanion = (type: string, config: object): Fixture => ({
  ...bucket,
  [`${type}.c`]: { bucket: ref("aws_s3_bucket.b"), ...config },
});
const pab = (v: boolean) => ({
  "aws_s3_bucket_public_access_block.p": {
    bucket: "x",
    block_public_acls: v,
    block_public_policy: v,
    ignore_public_acls: v,
    restrict_public_buckets: v,
  },
});
const one = (type: string, config: Record<string, unknown>): Fixture => ({ [`${type}.r`]: config });
const container = (c: object) => JSON.stringify([{ name: "api", image: "x", ...c }]);
const pgInstance = { engine: "postgres", engine_version: "16.3", instance_class: "db.t4g.medium" };
const lb = (config: object = {}) => ({ "aws_lb.lb": { load_balancer_type: "application", ...config } });
const acl = (groups: string[]) => ({
  "aws_wafv2_web_acl.acl": {
    rule: groups.map((name) => ({
      name,
      override_action: { none: {} },
      statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } },
    })),
  },
});
const dist = (config: object = {}) =>
  one("aws_cloudfront_distribution", {
    default_cache_behavior: { viewer_protocol_policy: "redirect-to-https" },
    viewer_certificate: { acm_certificate_arn: "arn:cert", minimum_protocol_version: "TLSv1.2_2021" },
    ...config,
  });
const sg = (config: object) => ({
  "aws_security_group.sg": { description: "app", ...config },
  "aws_lb.x": { security_groups: [ref("aws_security_group.sg")] },
});
const ingress = (from: number, to: number, cidr = "0.0.0.0/0") =>
  sg({ ingress: [{ from_port: from, to_port: to, protocol: "tcp", cidr_blocks: [cidr], description: "d" }] });
const trust = (Principal: object, Condition?: object) =>
  one("aws_iam_role", {
    assume_role_policy: policy({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }),
  });
const iamPolicy = (...st: object[]) => one("aws_iam_policy", { policy: policy(...st) });
const allow = (Action: string | string[], Resource: string | string[] = "arn:aws:s3:::b/*") => ({ Effect: "Allow", Action, Resource });
/** A data.aws_iam_policy_document of one statement (effect defaults to Allow). */
const document = (actions: string[], resources: string[]): Fixture => ({
  "data.aws_iam_policy_document.d": { statement: [{ actions, resources }] },
});
/** A role and two inline policies of n statements each, every one with a reference (counted as 100 characters): 30 make 10,196 and pass, 31 make 10,534 and fail. */
const roleWithInlinePolicies = (n: number): Fixture => {
  const st = (p: string) =>
    Array.from({ length: n }, (_, i) => ({
      Sid: `${p}${i}`,
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: ref(`aws_s3_bucket.b${i}`, "arn"),
    }));
  return {
    "aws_iam_role.r": {
      name: "task",
      assume_role_policy: policy({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }),
    },
    "aws_iam_role_policy.a": { role: ref("aws_iam_role.r"), policy: policy(...st("A")) },
    "aws_iam_role_policy.b": { role: "task", policy: policy(...st("B")) },
  };
};
/** A VPC security group, what the EC2-Classic DB and cache security groups give way to. */
const vpcSg = (name: string): Fixture => ({ [`aws_security_group.${name}`]: { description: name, vpc_id: "vpc-1" } });
const trail = (config: object = {}) => ({ "aws_cloudtrail.t": { s3_bucket_name: ref("aws_s3_bucket.b"), ...config }, ...bucket });

export const FIXTURES: Record<string, { pass: Fixture; fail: Fixture }> = {
  // S3
  CKV_AWS_18: { pass: withCompanion("aws_s3_bucket_logging", { target_bucket: "logs" }), fail: bucket },
  CKV_AWS_21: {
    pass: withCompanion("aws_s3_bucket_versioning", { versioning_configuration: { status: "Enabled" } }),
    fail: withCompanion("aws_s3_bucket_versioning", { versioning_configuration: { status: "Suspended" } }),
  },
  CKV_AWS_145: {
    pass: withCompanion("aws_s3_bucket_server_side_encryption_configuration", {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "arn:key" } }],
    }),
    fail: withCompanion("aws_s3_bucket_server_side_encryption_configuration", {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms:dsse", kms_master_key_id: "arn:key" } }],
    }),
  },
  // Trivy: a log-delivery target needs no logging of its own; logging into this bucket is not logging it.
  "AWS-0089": {
    pass: withCompanion("aws_s3_bucket_acl", { acl: "log-delivery-write" }),
    fail: { ...bucket, "aws_s3_bucket_logging.c": { bucket: "other-bucket", target_bucket: ref("aws_s3_bucket.b") } },
  },
  "AWS-0132": {
    pass: one("aws_s3_bucket", {
      server_side_encryption_configuration: {
        rule: { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "arn:key" } },
      },
    }),
    fail: withCompanion("aws_s3_bucket_server_side_encryption_configuration", {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms" } }],
    }),
  },
  CKV_AWS_19: {
    pass: bucket,
    fail: withCompanion("aws_s3_bucket_server_side_encryption_configuration", {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "none" } }],
    }),
  },
  CKV_AWS_20: { pass: bucket, fail: withCompanion("aws_s3_bucket_acl", { acl: "public-read" }) },
  CKV_AWS_57: {
    pass: withCompanion("aws_s3_bucket_acl", { acl: "private" }),
    fail: withCompanion("aws_s3_bucket_acl", { acl: "public-read-write" }),
  },
  CKV_AWS_53: { pass: pab(true), fail: pab(false) },
  CKV_AWS_54: { pass: pab(true), fail: pab(false) },
  CKV_AWS_55: { pass: pab(true), fail: pab(false) },
  CKV_AWS_56: { pass: pab(true), fail: pab(false) },
  CKV2_AWS_6: {
    pass: withCompanion("aws_s3_bucket_public_access_block", { block_public_acls: true, block_public_policy: true }),
    fail: withCompanion("aws_s3_bucket_public_access_block", { block_public_acls: true, block_public_policy: false }),
  },
  CKV2_AWS_62: { pass: withCompanion("aws_s3_bucket_notification", { eventbridge: true }), fail: bucket },
  CKV2_AWS_61: { pass: withCompanion("aws_s3_bucket_lifecycle_configuration", { rule: [] }), fail: bucket },
  CKV_AWS_300: {
    pass: one("aws_s3_bucket_lifecycle_configuration", {
      rule: [{ id: "a", status: "Enabled", filter: [{}], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] }],
    }),
    fail: one("aws_s3_bucket_lifecycle_configuration", {
      rule: [
        { id: "a", status: "Enabled", filter: [{ prefix: "tmp/" }], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] },
      ],
    }),
  },
  CKV2_AWS_65: {
    pass: one("aws_s3_bucket_ownership_controls", { rule: { object_ownership: "BucketOwnerEnforced" } }),
    fail: one("aws_s3_bucket_ownership_controls", { rule: { object_ownership: "BucketOwnerPreferred" } }),
  },
  CKV_AWS_144: { pass: withCompanion("aws_s3_bucket_replication_configuration", { rule: [{ status: "Enabled" }] }), fail: bucket },
  CKV_AWS_143: {
    pass: one("aws_s3_bucket", { object_lock_configuration: { object_lock_enabled: "Enabled" } }),
    fail: one("aws_s3_bucket", { object_lock_configuration: { object_lock_enabled: "Disabled" } }),
  },
  CKV_AWS_70: {
    pass: one("aws_s3_bucket_policy", {
      policy: policy({
        Effect: "Allow",
        Principal: "*",
        Action: "s3:GetObject",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
      }),
    }),
    fail: one("aws_s3_bucket_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }) }),
  },
  CKV_AWS_93: {
    pass: one("aws_s3_bucket_policy", {
      policy: policy({
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: "*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    }),
    fail: one("aws_s3_bucket_policy", { policy: policy({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }) }),
  },
  CKV_AWS_375: {
    pass: one("aws_s3_bucket_acl", {
      access_control_policy: { grant: [{ grantee: { type: "CanonicalUser", id: "owner" }, permission: "FULL_CONTROL" }] },
    }),
    fail: one("aws_s3_bucket_acl", {
      access_control_policy: {
        grant: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ_ACP" }],
      },
    }),
  },
  CKV2_AWS_43: { pass: one("aws_s3_bucket_acl", { acl: "private" }), fail: one("aws_s3_bucket_acl", { acl: "authenticated-read" }) },
  "AWS-0320": { pass: one("aws_s3_bucket", { bucket: "demo-data" }), fail: one("aws_s3_bucket", { bucket: "demo.data" }) },
  // RDS
  CKV_AWS_16: { pass: one("aws_db_instance", { storage_encrypted: true }), fail: one("aws_db_instance", {}) },
  CKV_AWS_17: { pass: one("aws_db_instance", {}), fail: one("aws_db_instance", { publicly_accessible: true }) },
  CKV_AWS_133: {
    pass: one("aws_db_instance", { backup_retention_period: 35 }),
    fail: one("aws_db_instance", { backup_retention_period: 0 }),
  },
  "AWS-0077": {
    pass: one("aws_db_instance", { backup_retention_period: 35 }),
    fail: one("aws_db_instance", { backup_retention_period: 1 }),
  },
  CKV_AWS_129: {
    pass: one("aws_db_instance", { enabled_cloudwatch_logs_exports: ["postgresql"] }),
    fail: one("aws_db_instance", { enabled_cloudwatch_logs_exports: [] }),
  },
  CKV_AWS_226: { pass: one("aws_rds_cluster_instance", { auto_minor_version_upgrade: true }), fail: one("aws_rds_cluster_instance", {}) },
  CKV_AWS_118: { pass: one("aws_db_instance", { monitoring_interval: 60 }), fail: one("aws_db_instance", { monitoring_interval: 0 }) },
  CKV_AWS_161: {
    pass: one("aws_db_instance", { engine: "mysql", iam_database_authentication_enabled: true }),
    fail: one("aws_db_instance", { engine: "postgres" }),
  },
  CKV_AWS_293: {
    pass: one("aws_db_instance", { deletion_protection: true }),
    fail: one("aws_db_instance", { deletion_protection: false }),
  },
  CKV_AWS_157: { pass: one("aws_db_instance", { multi_az: true }), fail: one("aws_db_instance", {}) },
  CKV_AWS_353: {
    pass: one("aws_db_instance", { ...pgInstance, performance_insights_enabled: true }),
    fail: one("aws_db_instance", pgInstance),
  },
  CKV_AWS_354: {
    pass: one("aws_db_instance", { performance_insights_enabled: true, performance_insights_kms_key_id: "arn:key" }),
    fail: one("aws_db_instance", { performance_insights_enabled: true }),
  },
  CKV_AWS_211: {
    pass: one("aws_db_instance", { ca_cert_identifier: "rds-ca-rsa2048-g1" }),
    fail: one("aws_db_instance", { ca_cert_identifier: "rds-ca-2019" }),
  },
  CKV2_AWS_60: { pass: one("aws_db_instance", { copy_tags_to_snapshot: true }), fail: one("aws_db_instance", {}) },
  CKV2_AWS_69: {
    pass: {
      "aws_db_instance.db": { engine: "postgres", parameter_group_name: ref("aws_db_parameter_group.pg", "name") },
      "aws_db_parameter_group.pg": { family: "postgres16", parameter: [{ name: "rds.force_ssl", value: "1" }] },
    },
    fail: {
      "aws_db_instance.db": { engine: "mysql", parameter_group_name: ref("aws_db_parameter_group.pg", "name") },
      "aws_db_parameter_group.pg": { family: "mysql8.0", parameter: [{ name: "require_secure_transport", value: "0" }] },
    },
  },
  CKV2_AWS_30: {
    pass: {
      "aws_db_instance.db": { engine: "postgres", parameter_group_name: ref("aws_db_parameter_group.pg", "name") },
      "aws_db_parameter_group.pg": {
        family: "postgres16",
        parameter: [
          { name: "log_statement", value: "ddl" },
          { name: "log_min_duration_statement", value: "1000" },
        ],
      },
    },
    fail: one("aws_db_instance", { engine: "postgres" }),
  },
  CKV_AWS_250: { pass: one("aws_db_instance", pgInstance), fail: one("aws_db_instance", { engine: "postgres", engine_version: "13.2" }) },
  CKV_AWS_198: {
    pass: {
      ...vpcSg("db"),
      "aws_db_instance.db": { ...pgInstance, vpc_security_group_ids: [ref("aws_security_group.db")] },
    },
    fail: one("aws_db_security_group", { name: "db", ingress: [{ cidr: "10.0.0.0/16" }] }),
  },
  CKV_AWS_96: { pass: one("aws_rds_cluster", { storage_encrypted: true }), fail: one("aws_rds_cluster", {}) },
  "AWS-0079": {
    pass: one("aws_rds_cluster", { storage_encrypted: true, kms_key_id: "arn:key" }),
    fail: one("aws_rds_cluster", { storage_encrypted: true }),
  },
  CKV_AWS_327: { pass: one("aws_rds_cluster", { kms_key_id: "arn:key" }), fail: one("aws_rds_cluster", {}) },
  CKV_AWS_162: { pass: one("aws_rds_cluster", { iam_database_authentication_enabled: true }), fail: one("aws_rds_cluster", {}) },
  CKV_AWS_324: { pass: one("aws_rds_cluster", { enabled_cloudwatch_logs_exports: ["postgresql"] }), fail: one("aws_rds_cluster", {}) },
  CKV_AWS_313: { pass: one("aws_rds_cluster", { copy_tags_to_snapshot: true }), fail: one("aws_rds_cluster", {}) },
  CKV_AWS_139: { pass: one("aws_rds_cluster", { deletion_protection: true }), fail: one("aws_rds_cluster", {}) },
  CKV2_AWS_8: {
    pass: { "aws_rds_cluster.c": {}, "aws_backup_selection.s": { resources: [ref("aws_rds_cluster.c", "arn")] } },
    fail: one("aws_rds_cluster", {}),
  },
  CKV2_AWS_27: {
    pass: {
      "aws_rds_cluster.c": {
        engine: "aurora-postgresql",
        db_cluster_parameter_group_name: ref("aws_rds_cluster_parameter_group.pg", "name"),
      },
      "aws_rds_cluster_parameter_group.pg": { parameter: [{ name: "log_statement" }, { name: "log_min_duration_statement" }] },
    },
    fail: one("aws_rds_cluster", { engine: "aurora-postgresql" }),
  },
  CKV_AWS_245: {
    pass: one("aws_db_instance_automated_backups_replication", { kms_key_id: "arn:key" }),
    fail: one("aws_db_instance_automated_backups_replication", {}),
  },
  CKV_AWS_246: {
    pass: one("aws_rds_cluster_activity_stream", { kms_key_id: "arn:key" }),
    fail: one("aws_rds_cluster_activity_stream", {}),
  },
  CKV_AWS_140: {
    pass: one("aws_rds_global_cluster", { storage_encrypted: true }),
    fail: one("aws_rds_global_cluster", { storage_encrypted: false }),
  },
  CKV_AWS_146: { pass: one("aws_db_cluster_snapshot", { storage_encrypted: true }), fail: one("aws_db_cluster_snapshot", {}) },
  CKV_AWS_388: {
    pass: one("aws_db_instance", { engine: "aurora-postgresql", engine_version: "15.4" }),
    fail: one("aws_db_instance", { engine: "aurora-postgresql", engine_version: "11.7" }),
  },
  CKV_AWS_326: {
    pass: one("aws_rds_cluster", { engine: "aurora-mysql", backtrack_window: 3600 }),
    fail: one("aws_rds_cluster", { engine: "aurora-mysql" }),
  },
  // ElastiCache
  CKV_AWS_29: {
    pass: one("aws_elasticache_replication_group", { at_rest_encryption_enabled: true }),
    fail: one("aws_elasticache_replication_group", {}),
  },
  CKV_AWS_30: {
    pass: one("aws_elasticache_replication_group", { transit_encryption_enabled: true }),
    fail: one("aws_elasticache_replication_group", {}),
  },
  CKV_AWS_31: {
    pass: one("aws_elasticache_replication_group", { transit_encryption_enabled: true, user_group_ids: ["g"] }),
    fail: one("aws_elasticache_replication_group", { transit_encryption_enabled: true }),
  },
  CKV_AWS_191: {
    pass: one("aws_elasticache_replication_group", { kms_key_id: "arn:key" }),
    fail: one("aws_elasticache_replication_group", {}),
  },
  CKV2_AWS_50: {
    pass: one("aws_elasticache_replication_group", { automatic_failover_enabled: true }),
    fail: one("aws_elasticache_replication_group", {}),
  },
  "AWS-0050": {
    pass: one("aws_elasticache_cluster", { engine: "redis", snapshot_retention_limit: 1 }),
    fail: one("aws_elasticache_cluster", { engine: "redis", node_type: "cache.t4g.small" }),
  },
  CKV_AWS_134: {
    pass: one("aws_elasticache_cluster", { engine: "redis", snapshot_retention_limit: 7 }),
    fail: one("aws_elasticache_cluster", { engine: "redis" }),
  },
  CKV_AWS_322: { pass: one("aws_elasticache_cluster", {}), fail: one("aws_elasticache_cluster", { auto_minor_version_upgrade: false }) },
  CKV_AWS_323: { pass: one("aws_elasticache_cluster", { subnet_group_name: "data" }), fail: one("aws_elasticache_cluster", {}) },
  CKV_AWS_196: {
    pass: {
      ...vpcSg("cache"),
      "aws_elasticache_replication_group.rg": { description: "cache", security_group_ids: [ref("aws_security_group.cache")] },
    },
    fail: one("aws_elasticache_security_group", { name: "cache", security_group_names: ["app"] }),
  },
  "AWS-0049": {
    pass: one("aws_elasticache_security_group", { name: "cache", description: "app servers" }),
    fail: one("aws_elasticache_security_group", { name: "cache", description: "Managed by Terraform" }),
  },
  // DynamoDB
  CKV_AWS_28: { pass: one("aws_dynamodb_table", { point_in_time_recovery: { enabled: true } }), fail: one("aws_dynamodb_table", {}) },
  CKV_AWS_119: {
    pass: one("aws_dynamodb_table", { server_side_encryption: { enabled: true, kms_key_arn: "arn:key" } }),
    fail: one("aws_dynamodb_table", { server_side_encryption: { enabled: true, kms_key_arn: "alias/aws/dynamodb" } }),
  },
  CKV2_AWS_16: {
    pass: one("aws_dynamodb_table", { billing_mode: "PAY_PER_REQUEST" }),
    fail: one("aws_dynamodb_table", { billing_mode: "PROVISIONED" }),
  },
  CKV_AWS_271: { pass: one("aws_dynamodb_table_replica", { kms_key_arn: "arn:key" }), fail: one("aws_dynamodb_table_replica", {}) },
  // KMS
  CKV_AWS_7: { pass: one("aws_kms_key", { enable_key_rotation: true }), fail: one("aws_kms_key", {}) },
  CKV_AWS_33: {
    pass: one("aws_kms_key", {
      policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" }),
    }),
    fail: one("aws_kms_key", { policy: policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" }) }),
  },
  CKV_AWS_227: { pass: one("aws_kms_key", { is_enabled: true }), fail: one("aws_kms_key", { is_enabled: false }) },
  CKV2_AWS_64: { pass: { "aws_kms_key.k": {}, "aws_kms_key_policy.p": { key_id: ref("aws_kms_key.k") } }, fail: one("aws_kms_key", {}) },
  // ECR
  CKV_AWS_163: {
    pass: one("aws_ecr_repository", { image_scanning_configuration: { scan_on_push: true } }),
    fail: one("aws_ecr_repository", {}),
  },
  CKV_AWS_51: {
    pass: one("aws_ecr_repository", { image_tag_mutability: "IMMUTABLE" }),
    fail: one("aws_ecr_repository", { image_tag_mutability: "IMMUTABLE_WITH_EXCLUSION" }),
  },
  CKV_AWS_136: {
    pass: one("aws_ecr_repository", { encryption_configuration: [{ encryption_type: "KMS" }] }),
    fail: one("aws_ecr_repository", { encryption_configuration: [{ encryption_type: "AES256" }] }),
  },
  "AWS-0033": {
    pass: one("aws_ecr_repository", { encryption_configuration: [{ encryption_type: "KMS", kms_key: "arn:key" }] }),
    fail: one("aws_ecr_repository", { encryption_configuration: [{ encryption_type: "KMS" }] }),
  },
  CKV_AWS_32: {
    pass: one("aws_ecr_repository_policy", {
      policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/ci" }, Action: "ecr:*", Resource: "*" }),
    }),
    fail: one("aws_ecr_repository_policy", {
      policy: policy({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage", Resource: "*" }),
    }),
  },
  // ECS
  CKV_AWS_65: {
    pass: one("aws_ecs_cluster", { setting: [{ name: "containerInsights", value: "enhanced" }] }),
    fail: one("aws_ecs_cluster", { setting: [{ name: "containerInsights", value: "disabled" }] }),
  },
  CKV_AWS_223: {
    pass: one("aws_ecs_cluster", {}),
    fail: one("aws_ecs_cluster", { configuration: { execute_command_configuration: { logging: "NONE" } } }),
  },
  CKV_AWS_224: {
    pass: one("aws_ecs_cluster", {
      configuration: {
        execute_command_configuration: {
          kms_key_id: "arn:key",
          logging: "OVERRIDE",
          log_configuration: { cloud_watch_encryption_enabled: true },
        },
      },
    }),
    fail: one("aws_ecs_cluster", { configuration: { execute_command_configuration: { logging: "OVERRIDE" } } }),
  },
  CKV_AWS_336: {
    pass: one("aws_ecs_task_definition", { container_definitions: container({ readonlyRootFilesystem: true }) }),
    fail: one("aws_ecs_task_definition", { container_definitions: container({}) }),
  },
  CKV_AWS_334: {
    pass: one("aws_ecs_task_definition", { container_definitions: container({}) }),
    fail: one("aws_ecs_task_definition", { container_definitions: container({ privileged: true }) }),
  },
  CKV_AWS_335: {
    pass: one("aws_ecs_task_definition", { container_definitions: container({}) }),
    fail: one("aws_ecs_task_definition", { container_definitions: container({ pidMode: "host" }) }),
  },
  CKV_AWS_97: {
    pass: one("aws_ecs_task_definition", { volume: [{ efs_volume_configuration: { transit_encryption: "ENABLED" } }] }),
    fail: one("aws_ecs_task_definition", { volume: [{ efs_volume_configuration: { transit_encryption: "DISABLED" } }] }),
  },
  CKV_AWS_249: {
    pass: one("aws_ecs_task_definition", { execution_role_arn: "arn:exec", task_role_arn: "arn:task" }),
    fail: one("aws_ecs_task_definition", { execution_role_arn: "arn:same", task_role_arn: "arn:same" }),
  },
  "AWS-0036": {
    pass: one("aws_ecs_task_definition", {
      container_definitions: container({
        environment: [{ name: "NODE_ENV", value: "production" }],
        secrets: [{ name: "DATABASE_URL", valueFrom: "arn:secret" }],
      }),
    }),
    fail: one("aws_ecs_task_definition", { container_definitions: container({ environment: [{ name: "DB_SECRET_ARN", value: "arn" }] }) }),
  },
  CKV_AWS_332: {
    pass: one("aws_ecs_service", { launch_type: "FARGATE", platform_version: "LATEST" }),
    fail: one("aws_ecs_service", { launch_type: "FARGATE", platform_version: "1.3.0" }),
  },
  CKV_AWS_333: {
    pass: one("aws_ecs_service", { network_configuration: { assign_public_ip: false } }),
    fail: one("aws_ecs_service", { network_configuration: { assign_public_ip: true } }),
  },
  // ELB
  CKV_AWS_2: {
    pass: one("aws_lb_listener", {
      protocol: "HTTP",
      default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443" } }],
    }),
    fail: one("aws_lb_listener", { protocol: "HTTP", default_action: [{ type: "forward" }] }),
  },
  CKV_AWS_103: {
    pass: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    fail: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-FS-1-1-2019-08" }),
  },
  "AWS-0047": {
    pass: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    fail: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06" }),
  },
  CKV2_AWS_74: {
    pass: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    fail: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-2016-08" }),
  },
  CKV2_AWS_20: {
    pass: {
      ...lb(),
      "aws_lb_listener.l": {
        load_balancer_arn: ref("aws_lb.lb", "arn"),
        port: 80,
        protocol: "HTTP",
        default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443" } }],
      },
    },
    fail: {
      ...lb(),
      "aws_lb_listener.l": {
        load_balancer_arn: ref("aws_lb.lb", "arn"),
        port: 80,
        protocol: "HTTP",
        default_action: [{ type: "forward" }],
      },
    },
  },
  CKV_AWS_91: { pass: lb({ access_logs: { enabled: true, bucket: "logs" } }), fail: lb() },
  CKV_AWS_131: { pass: lb({ drop_invalid_header_fields: true }), fail: lb() },
  CKV_AWS_150: { pass: lb({ enable_deletion_protection: true }), fail: lb() },
  CKV_AWS_328: { pass: lb({ desync_mitigation_mode: "strictest" }), fail: lb({ desync_mitigation_mode: "monitor" }) },
  CKV2_AWS_28: {
    pass: { ...lb(), "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: "arn:acl" } },
    fail: lb(),
  },
  CKV2_AWS_76: {
    pass: {
      ...lb(),
      ...acl(["AWSManagedRulesAnonymousIpList", "AWSManagedRulesKnownBadInputsRuleSet"]),
      "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: ref("aws_wafv2_web_acl.acl", "arn") },
    },
    fail: {
      ...lb(),
      ...acl(["AWSManagedRulesCommonRuleSet"]),
      "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: ref("aws_wafv2_web_acl.acl", "arn") },
    },
  },
  CKV_AWS_152: {
    pass: lb({ load_balancer_type: "network", enable_cross_zone_load_balancing: true }),
    fail: lb({ load_balancer_type: "network" }),
  },
  "AWS-0053": { pass: lb({ internal: true }), fail: lb({ internal: false }) },
  CKV_AWS_378: { pass: one("aws_lb_target_group", { protocol: "HTTPS" }), fail: one("aws_lb_target_group", { protocol: "HTTP" }) },
  CKV_AWS_261: {
    pass: one("aws_lb_target_group", { protocol: "HTTP", health_check: { path: "/healthz" } }),
    fail: one("aws_lb_target_group", { protocol: "HTTP" }),
  },
  // WAFv2
  CKV_AWS_192: {
    pass: acl(["AWSManagedRulesKnownBadInputsRuleSet"]),
    fail: {
      "aws_wafv2_web_acl.acl": {
        rule: [
          {
            name: "k",
            override_action: { count: {} },
            statement: { managed_rule_group_statement: { name: "AWSManagedRulesKnownBadInputsRuleSet" } },
          },
        ],
      },
    },
  },
  CKV_AWS_175: { pass: acl(["AWSManagedRulesCommonRuleSet"]), fail: one("aws_wafv2_web_acl", { rule: [] }) },
  CKV_AWS_342: {
    pass: acl(["AWSManagedRulesCommonRuleSet"]),
    fail: one("aws_wafv2_web_acl", { rule: [{ name: "rate", statement: { rate_based_statement: { limit: 100 } } }] }),
  },
  CKV_AWS_176: {
    pass: one("aws_wafregional_web_acl", { logging_configuration: { log_destination: "arn:firehose" } }),
    fail: one("aws_waf_web_acl", {}),
  },
  CKV2_AWS_31: {
    pass: { ...acl(["x"]), "aws_wafv2_web_acl_logging_configuration.l": { resource_arn: ref("aws_wafv2_web_acl.acl", "arn") } },
    fail: acl(["x"]),
  },
  // CloudFront
  CKV_AWS_34: { pass: dist(), fail: dist({ default_cache_behavior: { viewer_protocol_policy: "allow-all" } }) },
  CKV_AWS_174: {
    pass: dist(),
    fail: dist({ viewer_certificate: { acm_certificate_arn: "arn:cert", minimum_protocol_version: "TLSv1.1_2016" } }),
  },
  "AWS-0013": {
    pass: dist(),
    fail: dist({ viewer_certificate: { acm_certificate_arn: "arn:cert", minimum_protocol_version: "TLSv1.2_2019" } }),
  },
  CKV2_AWS_42: { pass: dist(), fail: dist({ viewer_certificate: { cloudfront_default_certificate: true } }) },
  CKV_AWS_68: { pass: dist({ web_acl_id: "arn:acl" }), fail: dist() },
  CKV_AWS_86: { pass: dist({ logging_config: { bucket: "logs.s3.amazonaws.com" } }), fail: dist() },
  "AWS-0010": {
    pass: {
      ...dist(),
      "aws_cloudwatch_log_delivery_source.s": { log_type: "ACCESS_LOGS", resource_arn: ref("aws_cloudfront_distribution.r", "arn") },
      "aws_cloudwatch_log_delivery.d": { delivery_source_name: ref("aws_cloudwatch_log_delivery_source.s", "name") },
    },
    fail: dist(),
  },
  CKV_AWS_305: { pass: dist({ default_root_object: "index.html" }), fail: dist() },
  CKV_AWS_310: {
    pass: dist({ origin_group: [{ failover_criteria: { status_codes: [500] }, member: [{ origin_id: "a" }, { origin_id: "b" }] }] }),
    fail: dist(),
  },
  CKV_AWS_374: {
    pass: dist({ restrictions: { geo_restriction: { restriction_type: "whitelist", locations: ["DE"] } } }),
    fail: dist({ restrictions: { geo_restriction: { restriction_type: "none" } } }),
  },
  CKV2_AWS_32: {
    pass: {
      ...dist({
        default_cache_behavior: {
          viewer_protocol_policy: "redirect-to-https",
          response_headers_policy_id: ref("aws_cloudfront_response_headers_policy.h"),
        },
      }),
      "aws_cloudfront_response_headers_policy.h": {},
    },
    fail: dist(),
  },
  CKV_AWS_259: {
    pass: one("aws_cloudfront_response_headers_policy", {
      security_headers_config: {
        strict_transport_security: { access_control_max_age_sec: 31536000, include_subdomains: true, preload: true, override: true },
      },
    }),
    fail: one("aws_cloudfront_response_headers_policy", {
      security_headers_config: {
        strict_transport_security: { access_control_max_age_sec: 86400, include_subdomains: true, preload: true, override: true },
      },
    }),
  },
  CKV2_AWS_46: {
    pass: {
      ...dist({ origin: [{ domain_name: ref("aws_s3_bucket.b", "bucket_regional_domain_name"), origin_access_control_id: "oac" }] }),
      ...bucket,
    },
    fail: { ...dist({ origin: [{ domain_name: ref("aws_s3_bucket.b", "bucket_regional_domain_name") }] }), ...bucket },
  },
  CKV2_AWS_54: {
    pass: dist({ origin: [{ custom_origin_config: { origin_ssl_protocols: ["TLSv1.2"] } }] }),
    fail: dist({ origin: [{ custom_origin_config: { origin_ssl_protocols: ["SSLv3", "TLSv1.2"] } }] }),
  },
  CKV2_AWS_72: {
    pass: dist({ origin: [{ domain_name: "api.example.com", custom_origin_config: { origin_protocol_policy: "https-only" } }] }),
    fail: dist({
      origin: [{ domain_name: "api-1.eu-central-1.elb.amazonaws.com", custom_origin_config: { origin_protocol_policy: "http-only" } }],
    }),
  },
  CKV2_AWS_47: {
    pass: {
      ...dist({ web_acl_id: ref("aws_wafv2_web_acl.acl", "arn") }),
      ...acl(["AWSManagedRulesAnonymousIpList", "AWSManagedRulesKnownBadInputsRuleSet"]),
    },
    fail: { ...dist({ web_acl_id: ref("aws_wafv2_web_acl.acl", "arn") }), ...acl(["AWSManagedRulesCommonRuleSet"]) },
  },
  // CloudWatch
  CKV_AWS_158: { pass: one("aws_cloudwatch_log_group", { kms_key_id: "arn:key" }), fail: one("aws_cloudwatch_log_group", {}) },
  CKV_AWS_66: { pass: one("aws_cloudwatch_log_group", { retention_in_days: 30 }), fail: one("aws_cloudwatch_log_group", {}) },
  CKV_AWS_338: {
    pass: one("aws_cloudwatch_log_group", { retention_in_days: 365 }),
    fail: one("aws_cloudwatch_log_group", { retention_in_days: 180 }),
  },
  CKV_AWS_319: { pass: one("aws_cloudwatch_metric_alarm", {}), fail: one("aws_cloudwatch_metric_alarm", { actions_enabled: false }) },
  // SNS / SQS
  CKV_AWS_26: { pass: one("aws_sns_topic", { kms_master_key_id: "arn:key" }), fail: one("aws_sns_topic", {}) },
  "AWS-0136": {
    pass: one("aws_sns_topic", { kms_master_key_id: "arn:key" }),
    fail: one("aws_sns_topic", { kms_master_key_id: "alias/aws/sns" }),
  },
  CKV_AWS_169: {
    pass: one("aws_sns_topic_policy", {
      policy: policy({ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: "*" }),
    }),
    fail: one("aws_sns_topic_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: "*" }) }),
  },
  CKV_AWS_385: {
    pass: one("aws_sns_topic_policy", {
      policy: policy({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:role/app" },
        Action: "sns:Publish",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
      }),
    }),
    fail: one("aws_sns_topic_policy", {
      policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: "sns:Publish", Resource: "*" }),
    }),
  },
  CKV_AWS_168: {
    pass: one("aws_sqs_queue_policy", {
      policy: policy({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*" }),
    }),
    fail: one("aws_sqs_queue_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }) }),
  },
  "AWS-0097": {
    pass: one("aws_sqs_queue_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }) }),
    fail: one("aws_sqs_queue_policy", {
      policy: policy({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: ["SQS:*"], Resource: "*" }),
    }),
  },
  CKV_AWS_27: { pass: one("aws_sqs_queue", { kms_master_key_id: "arn:key" }), fail: one("aws_sqs_queue", {}) },
  CKV2_AWS_73: {
    pass: one("aws_sqs_queue", { kms_master_key_id: "arn:key" }),
    fail: one("aws_sqs_queue", { kms_master_key_id: "alias/aws/sqs" }),
  },
  "AWS-0135": {
    pass: one("aws_sqs_queue", { kms_master_key_id: "arn:key" }),
    fail: one("aws_sqs_queue", { sqs_managed_sse_enabled: true }),
  },
  // Secrets Manager
  CKV_AWS_149: {
    pass: one("aws_secretsmanager_secret", { kms_key_id: "arn:key" }),
    fail: one("aws_secretsmanager_secret", { kms_key_id: "alias/aws/secretsmanager" }),
  },
  CKV2_AWS_57: {
    pass: { "aws_secretsmanager_secret.s": {}, "aws_secretsmanager_secret_rotation.r": { secret_id: ref("aws_secretsmanager_secret.s") } },
    fail: one("aws_secretsmanager_secret", {}),
  },
  CKV_AWS_304: {
    pass: one("aws_secretsmanager_secret_rotation", { rotation_rules: { schedule_expression: "rate(30 days)" } }),
    fail: one("aws_secretsmanager_secret_rotation", { rotation_rules: { automatically_after_days: 365 } }),
  },
  // CloudTrail
  CKV_AWS_35: { pass: one("aws_cloudtrail", { kms_key_id: "arn:key" }), fail: one("aws_cloudtrail", {}) },
  CKV_AWS_36: { pass: one("aws_cloudtrail", { enable_log_file_validation: true }), fail: one("aws_cloudtrail", {}) },
  CKV_AWS_67: { pass: one("aws_cloudtrail", { is_multi_region_trail: true }), fail: one("aws_cloudtrail", {}) },
  CKV_AWS_251: { pass: one("aws_cloudtrail", {}), fail: one("aws_cloudtrail", { enable_logging: false }) },
  CKV_AWS_252: { pass: one("aws_cloudtrail", { sns_topic_name: "trail-deliveries" }), fail: one("aws_cloudtrail", {}) },
  CKV2_AWS_10: {
    pass: {
      "aws_cloudtrail.t": {
        cloud_watch_logs_group_arn: `${ref("aws_cloudwatch_log_group.g", "arn")}:*`,
        cloud_watch_logs_role_arn: "arn:role",
      },
      "aws_cloudwatch_log_group.g": {},
    },
    fail: one("aws_cloudtrail", {}),
  },
  "AWS-0162": {
    pass: one("aws_cloudtrail", { cloud_watch_logs_group_arn: "arn:aws:logs:eu-central-1:111122223333:log-group:trail:*" }),
    fail: one("aws_cloudtrail", {}),
  },
  "AWS-0163": { pass: { ...trail(), "aws_s3_bucket_logging.l": { bucket: ref("aws_s3_bucket.b") } }, fail: trail() },
  "AWS-0161": { pass: trail(), fail: { ...trail(), "aws_s3_bucket_acl.a": { bucket: ref("aws_s3_bucket.b"), acl: "public-read" } } },
  // VPC
  CKV2_AWS_11: { pass: { "aws_vpc.v": {}, "aws_flow_log.f": { vpc_id: ref("aws_vpc.v") } }, fail: one("aws_vpc", {}) },
  CKV2_AWS_12: {
    pass: { "aws_vpc.v": {}, "aws_default_security_group.d": { vpc_id: ref("aws_vpc.v") } },
    fail: { "aws_vpc.v": {}, "aws_default_security_group.d": { vpc_id: ref("aws_vpc.v"), ingress: [{ protocol: "-1", self: true }] } },
  },
  CKV_AWS_23: {
    pass: sg({ ingress: [{ description: "https", from_port: 443, to_port: 443, protocol: "tcp", security_groups: ["sg-1"] }] }),
    fail: sg({ description: "Managed by Terraform" }),
  },
  CKV_AWS_24: { pass: ingress(22, 22, "10.0.0.0/16"), fail: ingress(0, 1024) },
  CKV_AWS_25: { pass: ingress(443, 443), fail: ingress(3389, 3389) },
  CKV_AWS_260: {
    pass: ingress(443, 443),
    fail: {
      "aws_security_group_rule.r": {
        type: "ingress",
        from_port: 80,
        to_port: 80,
        protocol: "tcp",
        cidr_blocks: ["0.0.0.0/0"],
        description: "http",
      },
    },
  },
  CKV_AWS_277: {
    pass: ingress(443, 443),
    fail: sg({ ingress: [{ from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"], description: "all" }] }),
  },
  CKV_AWS_382: {
    pass: sg({ egress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["10.0.0.0/16"], description: "vpc" }] }),
    fail: { "aws_vpc_security_group_egress_rule.e": { cidr_ipv4: "0.0.0.0/0", ip_protocol: "-1", description: "all" } },
  },
  CKV2_AWS_5: { pass: sg({}), fail: { "aws_security_group.sg": { description: "unused" } } },
  CKV_AWS_130: { pass: one("aws_subnet", { map_public_ip_on_launch: false }), fail: one("aws_subnet", { map_public_ip_on_launch: true }) },
  CKV_AWS_148: {
    pass: one("aws_vpc", { cidr_block: "10.0.0.0/16" }),
    fail: one("aws_default_vpc", { tags: { Name: "Default VPC" } }),
  },
  "AWS-0102": {
    pass: one("aws_network_acl", {
      ingress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "10.0.64.0/20", from_port: 5432, to_port: 5432 }],
    }),
    fail: one("aws_network_acl_rule", { rule_number: 100, rule_action: "allow", protocol: "-1", cidr_block: "10.0.0.0/16", egress: false }),
  },
  "AWS-0105": {
    pass: one("aws_network_acl", {
      egress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 443, to_port: 443 }],
    }),
    fail: one("aws_network_acl", {
      ingress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 443, to_port: 443 }],
    }),
  },
  CKV_AWS_230: {
    pass: one("aws_network_acl", {
      ingress: [{ action: "allow", protocol: "tcp", cidr_block: "10.0.0.0/16", from_port: 0, to_port: 65535 }],
    }),
    fail: one("aws_network_acl", { ingress: [{ action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 0, to_port: 1024 }] }),
  },
  CKV_AWS_229: {
    pass: one("aws_network_acl_rule", {
      rule_action: "allow",
      protocol: "tcp",
      cidr_block: "0.0.0.0/0",
      from_port: 21,
      to_port: 21,
      egress: true,
    }),
    fail: one("aws_network_acl_rule", { rule_action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 21, to_port: 21 }),
  },
  CKV_AWS_232: {
    pass: one("aws_network_acl", { ingress: [{ action: "deny", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 22, to_port: 22 }] }),
    fail: one("aws_network_acl", { ingress: [{ action: "allow", protocol: "-1", cidr_block: "0.0.0.0/0", from_port: 0, to_port: 0 }] }),
  },
  CKV_AWS_231: {
    pass: one("aws_network_acl", {}),
    fail: one("aws_network_acl", {
      ingress: [{ action: "allow", protocol: "tcp", ipv6_cidr_block: "::/0", from_port: 3389, to_port: 3389 }],
    }),
  },
  CKV2_AWS_19: {
    pass: { "aws_eip.e": { domain: "vpc" }, "aws_nat_gateway.n": { allocation_id: "${aws_eip.e.id}" } },
    fail: { "aws_eip.e": { domain: "vpc" }, "aws_eip.other": { domain: "vpc", tags: { Name: "unused" } } },
  },
  CKV_AWS_238: { pass: one("aws_guardduty_detector", { enable: true }), fail: one("aws_guardduty_detector", { enable: false }) },
  CKV2_AWS_3: {
    pass: {
      "aws_guardduty_detector.d": { enable: true },
      "aws_guardduty_organization_configuration.o": {
        detector_id: "${aws_guardduty_detector.d.id}",
        auto_enable_organization_members: "ALL",
      },
    },
    fail: one("aws_guardduty_detector", { enable: true }),
  },
  CKV2_AWS_45: {
    pass: {
      "aws_config_configuration_recorder.r": { recording_group: { all_supported: true } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
    fail: {
      "aws_config_configuration_recorder.r": { recording_group: { all_supported: false } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
  },
  CKV2_AWS_48: {
    pass: {
      "aws_config_configuration_recorder.r": { recording_group: { include_global_resource_types: true } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
    fail: {
      "aws_config_configuration_recorder.r": {},
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
  },
  CKV2_AWS_1: { pass: one("aws_network_acl", { subnet_ids: ["subnet-1"] }), fail: one("aws_network_acl", {}) },
  CKV2_AWS_35: {
    pass: one("aws_route", { destination_cidr_block: "0.0.0.0/0", nat_gateway_id: "nat-1" }),
    fail: one("aws_route", { destination_cidr_block: "0.0.0.0/0", instance_id: "i-1" }),
  },
  // IAM
  CKV_AWS_60: { pass: trust({ Service: "ecs-tasks.amazonaws.com" }), fail: trust({ AWS: "*" }) },
  CKV_AWS_61: { pass: trust({ AWS: "arn:aws:iam::111111111111:role/ci" }), fail: trust({ AWS: "arn:aws:iam::111111111111:root" }) },
  CKV_AWS_393: {
    pass: trust(
      { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
      { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/api:environment:prod" } },
    ),
    fail: trust(
      { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
      { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme*" } },
    ),
  },
  CKV_AWS_62: { pass: iamPolicy(allow("s3:GetObject")), fail: iamPolicy(allow("*", "*")) },
  CKV_AWS_63: { pass: iamPolicy(allow("s3:GetObject")), fail: iamPolicy(allow("*")) },
  CKV_AWS_355: { pass: iamPolicy(allow("ecr:GetAuthorizationToken", "*")), fail: iamPolicy(allow("s3:GetObject", "*")) },
  CKV2_AWS_40: { pass: iamPolicy(allow("iam:GetRole")), fail: iamPolicy(allow("iam:*")) },
  CKV_AWS_274: {
    pass: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
    fail: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
  },
  CKV2_AWS_56: {
    pass: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
    fail: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/IAMFullAccess" }),
  },
  CKV_AWS_40: { pass: one("aws_iam_policy_attachment", { roles: ["r"] }), fail: one("aws_iam_user_policy_attachment", { user: "u" }) },
  // IAM policy analysis (cloudsplaining): unconstrained = Resource * (or no ARN possible), no Condition.
  CKV_AWS_286: {
    pass: iamPolicy(allow("iam:UpdateLoginProfile", "arn:aws:iam::1:user/u")),
    fail: iamPolicy(allow("iam:UpdateLoginProfile", "*")),
  },
  CKV_AWS_287: {
    pass: iamPolicy(allow("ecr:GetAuthorizationToken", "*")),
    fail: iamPolicy(allow("sts:GetSessionToken", "arn:aws:iam::1:role/r")),
  },
  CKV_AWS_288: {
    pass: iamPolicy(allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-central-1:1:secret:s")),
    fail: iamPolicy(allow("s3:GetObject", "*")),
  },
  CKV_AWS_289: {
    pass: iamPolicy({ ...allow("kms:CreateGrant", "*"), Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } }),
    fail: iamPolicy(allow("s3:PutBucketPolicy", "*")),
  },
  CKV_AWS_290: { pass: iamPolicy(allow("xray:PutTraceSegments", "*")), fail: iamPolicy(allow("logs:PutLogEvents", "*")) },
  CKV_AWS_110: { pass: document(["iam:PassRole"], ["arn:aws:iam::1:role/r"]), fail: document(["iam:PassRole", "ec2:RunInstances"], ["*"]) },
  CKV_AWS_107: { pass: document(["ecr:GetAuthorizationToken"], ["*"]), fail: document(["iam:CreateAccessKey"], ["*"]) },
  CKV_AWS_108: { pass: document(["s3:GetObject"], ["arn:aws:s3:::b/*"]), fail: document(["ssm:GetParameters"], ["*"]) },
  CKV_AWS_109: { pass: document(["iam:*"], ["arn:aws:iam::1:role/r"]), fail: document(["iam:*"], ["*"]) },
  CKV_AWS_111: { pass: document(["s3:*"], ["arn:aws:s3:::b"]), fail: document(["s3:*"], ["*"]) },
  "AWS-0342": {
    pass: iamPolicy(allow("iam:PassRole", "arn:aws:iam::1:role/task"), {
      Effect: "Deny",
      Action: "iam:PassRole",
      NotResource: "arn:aws:iam::1:role/task",
    }),
    fail: iamPolicy(allow("iam:PassRole", "arn:aws:iam::1:role/task")),
  },
  // Project rules (context: allowedRegions = ["eu-central-1"])
  PRJ_APPRUNNER_CMK: {
    pass: one("aws_apprunner_service", { encryption_configuration: { kms_key: "arn:key" } }),
    fail: one("aws_apprunner_service", {}),
  },
  PRJ_APPRUNNER_VPC_EGRESS: {
    pass: one("aws_apprunner_service", {
      network_configuration: { egress_configuration: { egress_type: "VPC", vpc_connector_arn: "arn:connector" } },
    }),
    fail: one("aws_apprunner_service", { network_configuration: { egress_configuration: { egress_type: "DEFAULT" } } }),
  },
  PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS: {
    pass: one("aws_apprunner_service", {
      source_configuration: {
        image_repository: {
          image_configuration: {
            runtime_environment_variables: { NODE_ENV: "production" },
            runtime_environment_secrets: { DATABASE_PASSWORD: "arn:secret" },
          },
        },
      },
    }),
    fail: one("aws_apprunner_service", {
      source_configuration: {
        image_repository: { image_configuration: { runtime_environment_variables: { DATABASE_PASSWORD: "not-a-real-value" } } },
      },
    }),
  },
  PRJ_IAM_ROLE_POLICY_SIZE: {
    pass: roleWithInlinePolicies(30),
    fail: roleWithInlinePolicies(31),
  },
  PRJ_DATA_RESIDENCY: { pass: one("aws_s3_bucket", { region: "eu-central-1" }), fail: one("aws_kms_key", { region: "us-east-1" }) },
  "AWS-0346": { pass: iamPolicy(allow(["s3:Get*", "s3:Put*"], "arn:aws:s3:::b/*")), fail: iamPolicy(allow(["s3:Get*", "s3:Put*"], "*")) },
  "AWS-0345": { pass: iamPolicy(allow(["s3:GetObject", "s3:PutObject"])), fail: iamPolicy(allow("s3:*")) },
};

/**
 * Rules that fail every resource of their types (Checkov: "Ensure no aws_db_security_group
 * resources exist"): no configuration passes, so their pass fixture holds what the rule's
 * fix recommends instead, where the rule has nothing to say.
 */
export const FORBIDDEN_TYPE_RULES: ReadonlySet<string> = new Set(["CKV_AWS_198", "CKV_AWS_196", "CKV_AWS_148"]);

/** Provider fixtures live in `provider`, not `resource`. */
export const PROVIDER_FIXTURES: Record<string, { pass: Record<string, unknown>; fail: Record<string, unknown> }> = {
  CKV_AWS_41: {
    pass: { region: "us-east-1" },
    fail: { region: "us-east-1", access_key: "AKIA-not-real", secret_key: "not-a-real-secret" },
  },
};
