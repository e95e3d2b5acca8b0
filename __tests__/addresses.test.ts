/**
 * Terraform addresses of stateful resources. Renaming a construct id changes the address,
 * and Terraform then destroys the old resource and creates a new one: state, data and keys
 * lost. If this test fails, do not update it; add a `moved` block (stack.moveTo) instead.
 */
import { App } from "cdktf";
import { resolve } from "../config/resolve";
import { AppStack } from "../stacks/app-stack";
import { BootstrapStack } from "../stacks/bootstrap-stack";
import { isStateful } from "../stacks/protection";
import { addresses, albCertificateArns, appStackTf, baseSpec, statefulAddresses, synthStack, validSpec } from "./helpers";
import { exampleSpec } from "./examples/synthesize";

describe("pinned addresses of stateful resources", () => {
  const spec = baseSpec();
  spec.drRegion = "eu-west-1";
  spec.buckets = [{ name: "uploads", replicateIn: ["prod"] }];
  spec.keys = [{ purpose: "phi-fields", description: "Field-level PHI encryption" }];
  spec.secrets = [{ name: "app", keys: { JWT_SECRET: { length: 64 } } }];
  spec.database = { engine: "postgres", version: "16" };
  const env = resolve(validSpec(spec), "prod");

  it("bootstrap: state key, state and log buckets, lock table", () => {
    const app = new App();
    const stack = new BootstrapStack(app, env);
    expect(stack.node.id).toBe("demo-prod-bootstrap");
    expect(statefulAddresses(synthStack(stack))).toEqual([
      "aws_dynamodb_table.LockTable_2A8A56E8",
      "aws_kms_alias.StateKey_Alias_1DE68B01",
      "aws_kms_key.StateKey_D2B02354",
      "aws_s3_bucket.StateAccessLogBucket_1603EC2E",
      "aws_s3_bucket.StateBucket_3A0A90D0",
    ]);
  });

  it("app: keys, log groups, secrets and their generated values, access-log, audit, data and replica buckets, database", () => {
    const stack = new AppStack(new App(), env);
    expect(stack.node.id).toBe("demo-prod-app");
    expect(statefulAddresses(synthStack(stack))).toEqual([
      "aws_cloudtrail.Audit_Trail_3BF4E139",
      "aws_cloudwatch_log_group.Audit_TrailLogGroup_104680F1",
      "aws_cloudwatch_log_group.DataTier_Database_LogGroup-postgresql_LogGroup_84A82D2D",
      "aws_cloudwatch_log_group.DataTier_Database_LogGroup-upgrade_LogGroup_307C00C6",
      "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
      "aws_cloudwatch_log_group.Network_FlowLogGroup_2BDFE538",
      "aws_cloudwatch_log_group.Observability_AppLogGroup_F4E19BFD",
      "aws_db_instance.DataTier_Database_Instance_FAFCD63B",
      "aws_guardduty_detector.Audit_DrGuardDuty_657E243D",
      "aws_guardduty_detector.Audit_GuardDuty_AB53A8C3",
      "aws_kms_alias.Audit_AuditKey_Alias_660B48F3",
      "aws_kms_alias.DataKey_Alias_99EFF7B9",
      "aws_kms_alias.DrKey_Alias_FA254790",
      "aws_kms_alias.Key-phi-fields_Alias_65CA77D1",
      "aws_kms_key.Audit_AuditKey_C2D319ED",
      "aws_kms_key.DataKey_0F118E08",
      "aws_kms_key.DrKey_4F61603B",
      "aws_kms_key.Key-phi-fields_Key_8FE5D58C",
      "aws_s3_bucket.AccessLogBucket_E6559820",
      "aws_s3_bucket.Audit_AuditBucket_75A22C72",
      "aws_s3_bucket.Audit_ConfigBucket_1E28D55D",
      "aws_s3_bucket.DataBucket-uploads_Bucket_52FD67BA",
      "aws_s3_bucket.DataBucketReplica-uploads_Bucket_CDC0DD81",
      "aws_s3_bucket.DrAccessLogBucket_2E1DD058",
      "aws_s3_bucket_object_lock_configuration.Audit_AuditBucket_ObjectLock_475A3AB7",
      "aws_secretsmanager_secret.Secret-app_Secret_0193055D",
      "random_password.Secret-app_Value-JWT_SECRET_3CDED6B5",
    ]);
  });
  it("app with a MySQL database: the instance and its audit, error and slow-query log groups", () => {
    const mysql = { ...spec, database: { engine: "mysql" as const, version: "8.4" } };
    const all = statefulAddresses(appStackTf(mysql, "prod"));
    expect(all.filter((a) => a.includes("DataTier_"))).toEqual([
      "aws_cloudwatch_log_group.DataTier_Database_LogGroup-audit_LogGroup_A4240FE1",
      "aws_cloudwatch_log_group.DataTier_Database_LogGroup-error_LogGroup_9715E0E9",
      "aws_cloudwatch_log_group.DataTier_Database_LogGroup-slowquery_LogGroup_CE168000",
      "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
      "aws_db_instance.DataTier_Database_Instance_FAFCD63B",
    ]);
  });
  it("app with read replicas and DR: replicas and their log groups, the generated master secret, the backup replication", () => {
    const dr = {
      ...spec,
      database: { engine: "mysql" as const, version: "8.4", replicateIn: ["prod" as const] },
      environments: { ...spec.environments, prod: { ...spec.environments.prod!, overrides: { database: { readReplicas: 2 } } } },
    };
    const all = statefulAddresses(appStackTf(dr, "prod"));
    expect(all.filter((a) => a.includes("DataTier_") || a.includes("DrKey"))).toEqual([
      "aws_cloudwatch_log_group.DataTier_Database_LogGroup-audit_LogGroup_A4240FE1",
      "aws_cloudwatch_log_group.DataTier_Database_LogGroup-error_LogGroup_9715E0E9",
      "aws_cloudwatch_log_group.DataTier_Database_LogGroup-slowquery_LogGroup_CE168000",
      "aws_cloudwatch_log_group.DataTier_Database_Replica1_LogGroup-audit_LogGroup_53B9BF80",
      "aws_cloudwatch_log_group.DataTier_Database_Replica1_LogGroup-error_LogGroup_3B7E5B99",
      "aws_cloudwatch_log_group.DataTier_Database_Replica1_LogGroup-slowquery_LogGroup_EB0545CD",
      "aws_cloudwatch_log_group.DataTier_Database_Replica2_LogGroup-audit_LogGroup_54D213EA",
      "aws_cloudwatch_log_group.DataTier_Database_Replica2_LogGroup-error_LogGroup_4470B5B0",
      "aws_cloudwatch_log_group.DataTier_Database_Replica2_LogGroup-slowquery_LogGroup_8DCAF01B",
      "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
      "aws_db_instance.DataTier_Database_Instance_FAFCD63B",
      "aws_db_instance.DataTier_Database_Replica1_Instance_B974EAEB",
      "aws_db_instance.DataTier_Database_Replica2_Instance_F62111F4",
      "aws_db_instance_automated_backups_replication.DataTier_Database_BackupReplication_81C8A7BB",
      "aws_kms_alias.DrKey_Alias_FA254790",
      "aws_kms_key.DrKey_4F61603B",
      "aws_secretsmanager_secret.DataTier_Database_MasterSecret_ED4A6BDD",
      "random_password.DataTier_Database_MasterSecret_Value-password_5A3139E5",
    ]);
  });

  it("app with an Aurora cluster copying backups to the DR region: the cluster, its log group, both backup vaults", () => {
    const aurora = { ...spec, database: { engine: "aurora-postgresql" as const, version: "16", replicateIn: ["prod" as const] } };
    const all = statefulAddresses(appStackTf(aurora, "prod"));
    expect(all.filter((a) => a.includes("DataTier_"))).toEqual([
      "aws_backup_vault.DataTier_ClusterBackup_CopyVault_3535835B",
      "aws_backup_vault.DataTier_ClusterBackup_Vault_8FC2F32C",
      "aws_cloudwatch_log_group.DataTier_Cluster_LogGroup-postgresql_LogGroup_BBD7C119",
      "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
      "aws_rds_cluster.DataTier_Cluster_AF4A3C9A",
    ]);
  });

  it("app with a cache: the replication group, its log groups, the AUTH token's secret and generated value", () => {
    const cached = { ...spec, cache: { engine: "redis" as const, version: "7" } };
    const all = statefulAddresses(appStackTf(cached, "prod"));
    expect(all.filter((a) => a.includes("DataTier_Cache_"))).toEqual([
      "aws_cloudwatch_log_group.DataTier_Cache_LogGroup-engine-log_LogGroup_7E0453E5",
      "aws_cloudwatch_log_group.DataTier_Cache_LogGroup-slow-log_LogGroup_223B060E",
      "aws_elasticache_replication_group.DataTier_Cache_ReplicationGroup_8F843388",
      "aws_secretsmanager_secret.DataTier_Cache_AuthToken_Secret_6F98C479",
      "random_password.DataTier_Cache_AuthToken_Value-value_4C50AF19",
    ]);
  });

  it("app with an ECS service: its repository, the ECS Exec and WAF log groups, the ALB log bucket", () => {
    const served = {
      ...spec,
      secrets: [{ name: "app" }],
      services: [
        { name: "api", kind: "ecs" as const, imageTag: "1.0.0", port: 8000, healthCheckPath: "/healthz", secrets: { APP_TOKEN: "app" } },
      ],
      edge: { alb: { certificateArns: albCertificateArns() } },
    };
    const all = statefulAddresses(appStackTf(served, "prod"));
    expect(all.filter((a) => a.includes("ComputeTier_"))).toEqual([
      "aws_cloudwatch_log_group.ComputeTier_Cluster_ExecLogGroup_E0F4700F",
      "aws_cloudwatch_log_group.ComputeTier_WebAcl_LogGroup_E41E01D9",
      "aws_ecr_repository.ComputeTier_Repository-api_Repository_FE3D40C1",
      "aws_s3_bucket.ComputeTier_LoadBalancer_LogBucket_7486F731",
    ]);
  });

  it("app with ECS services behind the ALB and App Runner services: the ALB, listeners, target groups, rules, cluster, services", () => {
    const service = (name: string, kind: "ecs" | "apprunner", extra: object = {}) => ({
      name,
      kind,
      imageTag: "1.0.0",
      port: 8000,
      healthCheckPath: "/healthz",
      ...extra,
    });
    const served = {
      ...spec,
      services: [
        service("web", "ecs", { routing: { default: true } }),
        service("api", "ecs", { routing: { pathPatterns: ["/api/*"] } }),
        service("cms", "apprunner"),
      ],
      edge: { alb: { certificateArns: albCertificateArns() } },
    };
    const compute = [
      "aws_apprunner_service",
      "aws_ecs_cluster",
      "aws_ecs_service",
      "aws_lb",
      "aws_lb_listener",
      "aws_lb_listener_rule",
      "aws_lb_target_group",
    ];
    const all = addresses(appStackTf(served, "prod"));
    // The default service keeps the target group the single-service ALB always had (`TargetGroup`).
    expect(all.filter((a) => compute.includes(a.split(".")[0])).sort()).toEqual([
      "aws_apprunner_service.ComputeTier_AppRunner-cms_Service_5320C320",
      "aws_ecs_cluster.ComputeTier_Cluster_77A3CC47",
      "aws_ecs_service.ComputeTier_Service-api_Service_408089AC",
      "aws_ecs_service.ComputeTier_Service-web_Service_91F1E7B0",
      "aws_lb.ComputeTier_LoadBalancer_30E6E94E",
      "aws_lb_listener.ComputeTier_LoadBalancer_HttpListener_20656572",
      "aws_lb_listener.ComputeTier_LoadBalancer_HttpsListener_6698AC5A",
      "aws_lb_listener_rule.ComputeTier_LoadBalancer_Rule-api_02909811",
      "aws_lb_target_group.ComputeTier_LoadBalancer_TargetGroup-api_A84886A2",
      "aws_lb_target_group.ComputeTier_LoadBalancer_TargetGroup_74681B19",
    ]);
  });

  it("app with CloudFront (R1 frontend, R4 in front of the ALB): the distribution, edge key, frontend, log buckets, WAF logs", () => {
    const edge = (file: string) => {
      const all = addresses(appStackTf(exampleSpec(file), "prod"));
      return all
        .filter((a) => a.includes("EdgeTier_") && (isStateful(a.split(".")[0]) || a.startsWith("aws_cloudfront_distribution.")))
        .sort();
    };
    expect(edge("apprunner-eu.json")).toEqual([
      "aws_cloudfront_distribution.EdgeTier_Distribution_90427C37",
      "aws_kms_alias.EdgeTier_Key_Alias_9065F129",
      "aws_kms_key.EdgeTier_Key_02621E43",
      "aws_s3_bucket.EdgeTier_FrontendBucket_D0C0FCBC",
      "aws_s3_bucket.EdgeTier_LogBucket_9517A6D8",
    ]);
    expect(edge("ecs-cdn-hipaa.json")).toEqual([
      "aws_cloudfront_distribution.EdgeTier_Distribution_90427C37",
      "aws_cloudwatch_log_group.EdgeTier_WebAcl_LogGroup_DF067CD7",
      "aws_kms_alias.EdgeTier_Key_Alias_9065F129",
      "aws_kms_key.EdgeTier_Key_02621E43",
      "aws_s3_bucket.EdgeTier_LogBucket_9517A6D8",
    ]);
  });
});
