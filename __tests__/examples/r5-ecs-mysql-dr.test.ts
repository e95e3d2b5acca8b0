/**
 * R5 `ecs-mysql-dr` (HIPAA with MySQL and disaster recovery): every bullet of its guide on the
 * synthesized JSON of examples/ecs-mysql-dr.json, dev and prod sizes apart.
 */
import { alarmNamed, onlyResource, referenced, resourcesOfType, type TfJson } from "../helpers";
import { tempDirs } from "../temp-dirs";
import { accountOf, blockingFindings, exampleSpec, expectPinnedStateful, synthesizeExample } from "./synthesize";
import { ENVIRONMENTS } from "../../config/schema";

const tempDir = tempDirs();
const { tf, reports } = synthesizeExample("ecs-mysql-dr.json");
const app = (env: string) => tf(`omniportal-${env}-app`);
/** The primary instance (the one that replicates from nothing). */
const db = (t: TfJson) => {
  const primaries = resourcesOfType(t, "aws_db_instance").filter((d) => !d.replicate_source_db);
  expect(primaries).toHaveLength(1);
  return primaries[0];
};

describe("R5 ecs-mysql-dr", () => {
  it("synthesizes dev, staging and prod with no blocking finding and no stale suppression", () => {
    expect(reports).toHaveLength(6);
    expect(blockingFindings(reports)).toEqual([]);
  });

  it.each(ENVIRONMENTS)("%s: us-east-1; a WAF with SQL injection, XSS (core rule set) and rate limiting on the ALB (TLS 1.2+)", (env) => {
    const t = app(env);
    expect(t.provider!.aws[0].region).toBe("us-east-1");
    const acl = onlyResource(t, "aws_wafv2_web_acl");
    expect(acl.rule.map((r: any) => r.name)).toEqual(
      expect.arrayContaining(["RateLimitPerIp", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet"]),
    );
    expect(acl.rule.find((r: any) => r.name === "RateLimitPerIp").statement.rate_based_statement.limit).toBe(2000);
    expect(referenced(t, onlyResource(t, "aws_wafv2_web_acl_association").resource_arn).load_balancer_type).toBe("application");
    const https = resourcesOfType(t, "aws_lb_listener").find((l) => l.protocol === "HTTPS")!;
    expect(https.ssl_policy).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
    expect(https.certificate_arn).toMatch(/aws_acm_certificate_validation\./);
  });

  it("ECS Fargate across AZs with CPU and memory scaling and Container Insights: 512 CPU in dev, 2048 CPU x 3 tasks in prod", () => {
    const sizes = (env: string) => {
      const t = app(env);
      const task = onlyResource(t, "aws_ecs_task_definition");
      const scaling = onlyResource(t, "aws_appautoscaling_target");
      return [task.cpu, task.memory, onlyResource(t, "aws_ecs_service").desired_count, scaling.min_capacity, scaling.max_capacity];
    };
    expect(sizes("dev")).toEqual(["512", "1024", 1, 1, 2]);
    expect(sizes("prod")).toEqual(["2048", "4096", 3, 3, 10]);
    for (const env of ENVIRONMENTS) {
      const t = app(env);
      expect(onlyResource(t, "aws_ecs_cluster").setting).toEqual([{ name: "containerInsights", value: "enhanced" }]);
      expect(
        resourcesOfType(t, "aws_appautoscaling_policy")
          .map((p) => p.target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type)
          .sort(),
      ).toEqual(["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization"]);
      const subnets = onlyResource(t, "aws_ecs_service").network_configuration.subnets;
      expect(subnets.length).toBe(env === "prod" ? 3 : 2);
    }
  });

  const rollbackTitle =
    "deployments roll back on the error-rate, latency and unhealthy-target alarms in staging and prod; " + "the circuit breaker everywhere";
  it(rollbackTitle, () => {
    for (const env of ENVIRONMENTS) {
      const t = app(env);
      const service = onlyResource(t, "aws_ecs_service");
      expect(service.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
      if (env === "dev") {
        expect(service.alarms).toBeUndefined();
        continue;
      }
      expect(service.alarms).toMatchObject({ enable: true, rollback: true });
      expect(service.alarms.alarm_names.map((n: string) => referenced(t, n).alarm_name)).toEqual([
        `omniportal-${env}-api-error-rate-critical`,
        `omniportal-${env}-api-latency-p95-critical`,
        `omniportal-${env}-api-unhealthy-targets-critical`,
      ]);
    }
  });

  const mysqlTitle =
    "MySQL 8.0 Multi-AZ, KMS, IAM auth, require_secure_transport, Performance Insights; " +
    "db.t3.medium in dev, db.r6g.xlarge with 30 days in prod";
  it(mysqlTitle, () => {
    const prod = app("prod");
    expect(db(prod)).toMatchObject({
      engine: "mysql",
      engine_version: "8.0",
      engine_lifecycle_support: "open-source-rds-extended-support",
      instance_class: "db.r6g.xlarge",
      multi_az: true,
      backup_retention_period: 30,
      storage_encrypted: true,
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.DataKey_/),
      iam_database_authentication_enabled: true,
      performance_insights_enabled: true,
    });
    expect(referenced(prod, db(prod).parameter_group_name).parameter).toContainEqual(
      expect.objectContaining({ name: "require_secure_transport", value: "1" }),
    );
    expect(db(app("dev"))).toMatchObject({ instance_class: "db.t3.medium", performance_insights_enabled: true });
  });

  it("a read replica and backups replicated to us-west-2 in prod only, the password generated there", () => {
    const prod = app("prod");
    const replicas = resourcesOfType(prod, "aws_db_instance").filter((d) => d.replicate_source_db);
    expect(replicas.map((r) => [r.identifier, r.instance_class])).toEqual([["omniportal-prod-db-replica-1", "db.r6g.xlarge"]]);
    const copy = onlyResource(prod, "aws_db_instance_automated_backups_replication");
    expect(copy).toMatchObject({ region: "us-west-2", retention_period: 30 });
    expect(referenced(prod, copy.kms_key_id).region).toBe("us-west-2");
    expect(db(prod).manage_master_user_password).toBeUndefined();
    for (const env of ["dev", "staging"]) {
      const other = app(env);
      expect(resourcesOfType(other, "aws_db_instance")).toHaveLength(1);
      expect(resourcesOfType(other, "aws_db_instance_automated_backups_replication")).toEqual([]);
      expect(db(other).manage_master_user_password).toBe(true);
    }
  });

  it("synth warns once per environment that MySQL 8.0 bills Extended Support, naming 8.4", async () => {
    const { synthesizeApp } = require("../../stacks/synthesize") as typeof import("../../stacks/synthesize");
    const spec = exampleSpec("ecs-mysql-dr.json");
    const { warnings } = await synthesizeApp(spec, tempDir("ex-"), { hcl: false });
    const engine = warnings.filter((w) => w.includes("Extended Support"));
    expect(engine).toHaveLength(3);
    expect(engine[2]).toBe(
      "warning: omniportal-prod-app: RDS for mysql 8.0 left standard support on 2026-07-31 and bills Extended Support " +
        "(engine_lifecycle_support = open-source-rds-extended-support); " +
        'upgrade to 8.4 (database.version "8.4") after testing the app on it.',
    );
  });

  it("Redis Multi-AZ over TLS, KMS at rest, daily snapshots kept 7 days in prod; cache.t3.small in dev, cache.r6g.large in prod", () => {
    const prod = onlyResource(app("prod"), "aws_elasticache_replication_group");
    expect(prod).toMatchObject({
      transit_encryption_enabled: true,
      at_rest_encryption_enabled: "true",
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.DataKey_/),
      node_type: "cache.r6g.large",
      multi_az_enabled: true,
      automatic_failover_enabled: true,
      snapshot_retention_limit: 7,
      snapshot_window: "02:00-03:00",
    });
    expect(prod.lifecycle.prevent_destroy).toBe(true);
    expect(onlyResource(app("dev"), "aws_elasticache_replication_group")).toMatchObject({
      node_type: "cache.t3.small",
      num_cache_clusters: 1,
    });
  });

  it("documents, assets, logs and backups: KMS, versioning, Glacier after 90 days, replicated to us-west-2 in prod", () => {
    const prod = app("prod");
    const names = ["documents", "assets", "logs", "backups"].map((b) => `omniportal-prod-${b}-333333333333`);
    const has = (type: string) => resourcesOfType(prod, type).map((x) => referenced(prod, x.bucket).bucket);
    expect(has("aws_s3_bucket_versioning")).toEqual(expect.arrayContaining(names));
    const kms = resourcesOfType(prod, "aws_s3_bucket_server_side_encryption_configuration").filter(
      (c) => c.rule[0].apply_server_side_encryption_by_default.sse_algorithm === "aws:kms",
    );
    expect(kms.map((c) => referenced(prod, c.bucket).bucket)).toEqual(expect.arrayContaining(names));
    const glacier = resourcesOfType(prod, "aws_s3_bucket_lifecycle_configuration").filter((l) => l.rule[0].transition);
    expect(glacier.map((l) => l.rule[0].transition[0])).toEqual(
      Array(8).fill(expect.objectContaining({ days: 90, storage_class: "GLACIER" })),
    );
    const replication = resourcesOfType(prod, "aws_s3_bucket_replication_configuration");
    expect(replication.map((r) => referenced(prod, r.bucket).bucket).sort()).toEqual([...names].sort());
    for (const r of replication) expect(referenced(prod, r.rule[0].destination.bucket).region).toBe("us-west-2");
    expect(resourcesOfType(app("dev"), "aws_s3_bucket_replication_configuration")).toEqual([]);
  });

  it.each(ENVIRONMENTS)("%s: rotating KMS keys, Redis and every log group encrypted; security groups, NACLs and flow logs", (env) => {
    const t = app(env);
    expect(resourcesOfType(t, "aws_kms_key").length).toBeGreaterThan(0);
    for (const k of resourcesOfType(t, "aws_kms_key")) expect(k.enable_key_rotation).toBe(true);
    expect(resourcesOfType(t, "aws_cloudwatch_log_group").length).toBeGreaterThan(0);
    for (const g of resourcesOfType(t, "aws_cloudwatch_log_group")) expect(g.kms_key_id).toBeDefined();
    // Security groups admit only from other groups, never from the internet (the ALB's listeners aside).
    const rules = resourcesOfType(t, "aws_vpc_security_group_ingress_rule");
    expect(rules.filter((r) => r.referenced_security_group_id !== undefined).length).toBeGreaterThan(0);
    for (const r of rules.filter((x) => x.cidr_ipv4 === "0.0.0.0/0")) expect([80, 443]).toContain(r.from_port);
    expect(onlyResource(t, "aws_elasticache_replication_group").kms_key_id).toBeDefined();
    expect(resourcesOfType(t, "aws_network_acl").length).toBeGreaterThan(0);
    expect(onlyResource(t, "aws_flow_log").traffic_type).toBe("ALL");
    expect(resourcesOfType(t, "aws_secretsmanager_secret").map((s) => s.name)).toContain(`omniportal/${env}/app`);
  });

  it.each(ENVIRONMENTS)(
    "%s: a dashboard; alarms: error rate > 1 %, p95 > 500 ms, DB CPU > 80 %, low free storage, unhealthy targets",
    (env) => {
      const t = app(env);
      const p = `omniportal-${env}`;
      const threshold = (name: string) => alarmNamed(t, `${p}-${name}`).threshold;
      expect(onlyResource(t, "aws_cloudwatch_dashboard").dashboard_name).toBe(p);
      expect(threshold("api-error-rate-warning")).toBe(1);
      expect(threshold("api-latency-p95-warning")).toBe(0.5);
      expect(threshold("db-cpu-warning")).toBe(80);
      expect(alarmNamed(t, `${p}-db-free-storage-critical`).comparison_operator).toBe("LessThanThreshold");
      expect(threshold("api-unhealthy-targets-warning")).toBe(0);
    },
  );

  it("audit logs kept 7 years (2557 days) in every environment: trail, database audit log, S3 access logs", () => {
    for (const env of ENVIRONMENTS) {
      const groups = resourcesOfType(app(env), "aws_cloudwatch_log_group");
      expect(groups.find((g) => g.name === `/aws/cloudtrail/omniportal-${env}`)!.retention_in_days).toBe(2557);
      expect(groups.find((g) => g.name === `/aws/rds/instance/omniportal-${env}-db/audit`)!.retention_in_days).toBe(2557);
      const t = app(env);
      const accessLogs = resourcesOfType(t, "aws_s3_bucket_lifecycle_configuration").find(
        (l) => referenced(t, l.bucket).bucket === `omniportal-${env}-access-logs-${accountOf(env)}`,
      )!;
      expect(accessLogs.rule[0].expiration[0].days).toBe(2557);
    }
  });

  it("state: bucket omniportal-terraform-state-<env> (versioned, KMS), table omniportal-terraform-locks-<env> (LockID)", () => {
    for (const env of ENVIRONMENTS) {
      const bootstrap = tf(`omniportal-${env}-bootstrap`);
      const state = resourcesOfType(bootstrap, "aws_s3_bucket").find((b) => b.bucket === `omniportal-terraform-state-${env}`)!;
      const of = (type: string) => resourcesOfType(bootstrap, type).find((x) => referenced(bootstrap, x.bucket) === state)!;
      expect(of("aws_s3_bucket_versioning").versioning_configuration.status).toBe("Enabled");
      expect(of("aws_s3_bucket_server_side_encryption_configuration").rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe(
        "aws:kms",
      );
      expect(onlyResource(bootstrap, "aws_dynamodb_table")).toMatchObject({
        name: `omniportal-terraform-locks-${env}`,
        hash_key: "LockID",
      });
      expect(app(env).terraform!.backend.s3.key).toBe(`omniportal-${env}/infrastructure/terraform.tfstate`);
    }
  });

  it("pins the addresses of its stateful resources (prod; dev holds a subset)", () => {
    expectPinnedStateful(app("prod"), app("dev"), PROD_STATEFUL);
  });
});

const PROD_STATEFUL = [
  "aws_cloudtrail.Audit_Trail_3BF4E139",
  "aws_cloudwatch_log_group.Audit_TrailLogGroup_104680F1",
  "aws_cloudwatch_log_group.ComputeTier_Cluster_ExecLogGroup_E0F4700F",
  "aws_cloudwatch_log_group.ComputeTier_WebAcl_LogGroup_E41E01D9",
  "aws_cloudwatch_log_group.DataTier_Cache_LogGroup-engine-log_LogGroup_7E0453E5",
  "aws_cloudwatch_log_group.DataTier_Cache_LogGroup-slow-log_LogGroup_223B060E",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-audit_LogGroup_A4240FE1",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-error_LogGroup_9715E0E9",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-slowquery_LogGroup_CE168000",
  "aws_cloudwatch_log_group.DataTier_Database_Replica1_LogGroup-audit_LogGroup_53B9BF80",
  "aws_cloudwatch_log_group.DataTier_Database_Replica1_LogGroup-error_LogGroup_3B7E5B99",
  "aws_cloudwatch_log_group.DataTier_Database_Replica1_LogGroup-slowquery_LogGroup_EB0545CD",
  "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
  "aws_cloudwatch_log_group.Network_FlowLogGroup_2BDFE538",
  "aws_cloudwatch_log_group.Observability_AppLogGroup_F4E19BFD",
  "aws_db_instance.DataTier_Database_Instance_FAFCD63B",
  "aws_db_instance.DataTier_Database_Replica1_Instance_B974EAEB",
  "aws_db_instance_automated_backups_replication.DataTier_Database_BackupReplication_81C8A7BB",
  "aws_ecr_repository.ComputeTier_Repository-api_Repository_FE3D40C1",
  "aws_elasticache_replication_group.DataTier_Cache_ReplicationGroup_8F843388",
  "aws_guardduty_detector.Audit_DrGuardDuty_657E243D",
  "aws_guardduty_detector.Audit_GuardDuty_AB53A8C3",
  "aws_kms_alias.Audit_AuditKey_Alias_660B48F3",
  "aws_kms_alias.DataKey_Alias_99EFF7B9",
  "aws_kms_alias.DrKey_Alias_FA254790",
  "aws_kms_key.Audit_AuditKey_C2D319ED",
  "aws_kms_key.DataKey_0F118E08",
  "aws_kms_key.DrKey_4F61603B",
  "aws_s3_bucket.AccessLogBucket_E6559820",
  "aws_s3_bucket.Audit_AuditBucket_75A22C72",
  "aws_s3_bucket.Audit_ConfigBucket_1E28D55D",
  "aws_s3_bucket.ComputeTier_LoadBalancer_LogBucket_7486F731",
  "aws_s3_bucket.DataBucket-assets_Bucket_3E73220E",
  "aws_s3_bucket.DataBucket-backups_Bucket_86370EB6",
  "aws_s3_bucket.DataBucket-documents_Bucket_6C56D0B9",
  "aws_s3_bucket.DataBucket-logs_Bucket_719E0BF8",
  "aws_s3_bucket.DataBucketReplica-assets_Bucket_A3076DF0",
  "aws_s3_bucket.DataBucketReplica-backups_Bucket_A97F0B52",
  "aws_s3_bucket.DataBucketReplica-documents_Bucket_F5BA6C58",
  "aws_s3_bucket.DataBucketReplica-logs_Bucket_F1A89959",
  "aws_s3_bucket.DrAccessLogBucket_2E1DD058",
  "aws_s3_bucket_object_lock_configuration.Audit_AuditBucket_ObjectLock_475A3AB7",
  "aws_secretsmanager_secret.DataTier_Cache_AuthToken_Secret_6F98C479",
  "aws_secretsmanager_secret.DataTier_Database_MasterSecret_ED4A6BDD",
  "aws_secretsmanager_secret.Secret-app_Secret_0193055D",
  "random_password.DataTier_Cache_AuthToken_Value-value_4C50AF19",
  "random_password.DataTier_Database_MasterSecret_Value-password_5A3139E5",
  "random_password.Secret-app_Value-ENCRYPTION_KEY_12FB9D08",
  "random_password.Secret-app_Value-JWT_SECRET_3CDED6B5",
];
