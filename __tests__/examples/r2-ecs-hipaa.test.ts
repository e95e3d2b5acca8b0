/**
 * R2 `ecs-hipaa` (HIPAA API on ECS): every bullet of its guide on the synthesized JSON of
 * examples/ecs-hipaa.json. The guide does not differ by environment; the platform's presets do
 * where it is silent (NAT and AZs follow the guide everywhere).
 */
import { onlyResource, referenced, resourcesOfType, statefulAddresses, type TfJson } from "../helpers";
import { blockingFindings, synthesizeExample, accountOf } from "./synthesize";
import { ENVIRONMENTS } from "../../config/schema";

const { tf, reports } = synthesizeExample("ecs-hipaa.json");
const app = (env: string) => tf(`carebow-${env}-app`);
const alarmNames = (t: TfJson) => resourcesOfType(t, "aws_cloudwatch_metric_alarm").map((a) => a.alarm_name as string);

describe("R2 ecs-hipaa", () => {
  it("synthesizes dev, staging and prod with no blocking finding and no stale suppression", () => {
    expect(reports).toHaveLength(6);
    expect(blockingFindings(reports)).toEqual([]);
  });

  it.each(ENVIRONMENTS)("%s: us-east-1, VPC 10.0.0.0/16 with DNS, the guide's subnets, a single NAT gateway", (env) => {
    const t = app(env);
    expect(t.provider!.aws[0].region).toBe("us-east-1");
    expect(onlyResource(t, "aws_vpc")).toMatchObject({ cidr_block: "10.0.0.0/16", enable_dns_hostnames: true, enable_dns_support: true });
    const cidrs = (tier: string) =>
      resourcesOfType(t, "aws_subnet")
        .filter((s) => s["//"].metadata.path.includes(`/${tier}`))
        .map((s) => s.cidr_block)
        .sort();
    expect(cidrs("Public")).toEqual(["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]);
    expect(cidrs("App")).toEqual(["10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24"]);
    expect(resourcesOfType(t, "aws_nat_gateway")).toHaveLength(1);
  });

  it.each(ENVIRONMENTS)(
    "%s: the API on Fargate, 512 CPU / 1024 MiB, 2 tasks, auto scaling, container health check, private subnets",
    (env) => {
      const t = app(env);
      const task = onlyResource(t, "aws_ecs_task_definition");
      expect(task).toMatchObject({ cpu: "512", memory: "1024", requires_compatibilities: ["FARGATE"] });
      expect(JSON.parse(task.container_definitions)[0].healthCheck.command).toEqual([
        "CMD-SHELL",
        "curl -fsS http://localhost:8000/healthz || exit 1",
      ]);
      const service = onlyResource(t, "aws_ecs_service");
      expect(service).toMatchObject({ desired_count: 2, launch_type: "FARGATE" });
      expect(service.network_configuration.assign_public_ip).toBe(false);
      for (const s of service.network_configuration.subnets) expect(referenced(t, s)["//"].metadata.path).toMatch(/\/App/);
      expect(onlyResource(t, "aws_appautoscaling_target").min_capacity).toBe(2);
      expect(resourcesOfType(t, "aws_appautoscaling_policy")).toHaveLength(2);
    },
  );

  it.each(ENVIRONMENTS)("%s: the ALB checks /healthz and serves HTTPS with the environment's ACM certificate", (env) => {
    const t = app(env);
    expect(onlyResource(t, "aws_lb_target_group").health_check.path).toBe("/healthz");
    const https = resourcesOfType(t, "aws_lb_listener").find((l) => l.protocol === "HTTPS")!;
    expect(https.certificate_arn).toMatch(new RegExp(`^arn:aws:acm:us-east-1:${accountOf(env)}:certificate/`));
    expect(resourcesOfType(t, "aws_lb_listener").find((l) => l.protocol === "HTTP")!.default_action[0].type).toBe("redirect");
  });

  it("the app log group (the guide's /ecs/<app>-api) is kept 365 days, not 30: HIPAA audit and CKV_AWS_338", () => {
    const groups = resourcesOfType(app("prod"), "aws_cloudwatch_log_group");
    expect(groups.find((g) => g.name === "/carebow/prod/app")).toMatchObject({ retention_in_days: 365, kms_key_id: expect.any(String) });
    expect(
      JSON.parse(onlyResource(app("prod"), "aws_ecs_task_definition").container_definitions)[0].logConfiguration.options,
    ).toMatchObject({
      "awslogs-group": "${aws_cloudwatch_log_group.Observability_AppLogGroup_F4E19BFD.name}",
      "awslogs-stream-prefix": "api",
    });
  });

  it.each(ENVIRONMENTS)("%s: PostgreSQL 16 on db.t4g.medium, 50 GB encrypted with KMS, 7-day backups (PITR), Multi-AZ, private", (env) => {
    const db = onlyResource(app(env), "aws_db_instance");
    expect(db).toMatchObject({
      engine: "postgres",
      engine_version: "16",
      instance_class: "db.t4g.medium",
      allocated_storage: 50,
      storage_encrypted: true,
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.DataKey_/),
      backup_retention_period: 7,
      multi_az: true,
      publicly_accessible: false,
    });
    const subnets = referenced(app(env), db.db_subnet_group_name).subnet_ids as string[];
    for (const s of subnets) expect(referenced(app(env), s)["//"].metadata.path).toMatch(/\/Data/);
  });

  it("the reports bucket: KMS, public access blocked, versioning, lifecycle, TLS only; presigned URLs come from the task role", () => {
    const t = app("prod");
    const bucket = resourcesOfType(t, "aws_s3_bucket").find((b) => b.bucket === "carebow-prod-reports-333333333333")!;
    const of = (type: string) => resourcesOfType(t, type).find((x) => referenced(t, x.bucket) === bucket)!;
    expect(of("aws_s3_bucket_server_side_encryption_configuration").rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe(
      "aws:kms",
    );
    expect(of("aws_s3_bucket_public_access_block")).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(of("aws_s3_bucket_versioning").versioning_configuration.status).toBe("Enabled");
    expect(of("aws_s3_bucket_lifecycle_configuration").rule.length).toBeGreaterThan(0);
    expect(of("aws_s3_bucket_policy").policy).toContain('"aws:SecureTransport":"false"');
  });

  it("a rotating KMS key for field-level PHI encryption (alias/carebow-<env>-phi-fields)", () => {
    const t = app("prod");
    const alias = resourcesOfType(t, "aws_kms_alias").find((a) => a.name === "alias/carebow-prod-phi-fields")!;
    expect(referenced(t, alias.target_key_id).enable_key_rotation).toBe(true);
  });

  it("Secrets Manager placeholders for the OpenAI, Stripe and JWT keys: no value in the JSON", () => {
    const t = app("prod");
    expect(
      resourcesOfType(t, "aws_secretsmanager_secret")
        .map((s) => s.name)
        .sort(),
    ).toEqual(["carebow/prod/jwt-secret", "carebow/prod/openai-api-key", "carebow/prod/stripe-secret-key"]);
    expect(resourcesOfType(t, "aws_secretsmanager_secret_version")).toEqual([]);
    const [c] = JSON.parse(onlyResource(t, "aws_ecs_task_definition").container_definitions);
    expect(c.secrets.map((x: any) => x.name)).toEqual(["JWT_SECRET", "OPENAI_API_KEY", "STRIPE_SECRET_KEY"]);
  });

  it("an ECR repository for the API image, and a task role holding only the reports bucket and the data key", () => {
    const t = app("prod");
    expect(onlyResource(t, "aws_ecr_repository").name).toBe("carebow-prod-api");
    const task = resourcesOfType(t, "aws_iam_role_policy").find((p) => p.name === "carebow-prod-api-task-policy")!;
    const statements = JSON.parse(task.policy).Statement as any[];
    const resources = statements.flatMap((s) => [s.Resource].flat()).join(" ");
    expect(resources).toContain("DataBucket-reports");
    expect(resources).toContain("Key-phi-fields");
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a: string) => a.endsWith("*") && !a.startsWith("rds-db"))).toEqual([]);
  });

  it.each(ENVIRONMENTS)("%s: alarms on ECS CPU and memory, RDS connections and the API error rate", (env) => {
    expect(alarmNames(app(env))).toEqual(
      expect.arrayContaining(
        ["api-cpu", "api-memory", "db-connections", "api-error-rate"].flatMap((n) => [
          `carebow-${env}-${n}-warning`,
          `carebow-${env}-${n}-critical`,
        ]),
      ),
    );
  });

  it.each(ENVIRONMENTS)("%s: hardening: WAF on the ALB, GuardDuty, AWS Config, CloudTrail", (env) => {
    const t = app(env);
    expect(onlyResource(t, "aws_wafv2_web_acl_association").resource_arn).toMatch(/aws_lb\./);
    expect(onlyResource(t, "aws_guardduty_detector").enable).toBe(true);
    expect(onlyResource(t, "aws_config_configuration_recorder")).toBeDefined();
    expect(onlyResource(t, "aws_cloudtrail").is_multi_region_trail).toBe(true);
  });

  it("pins the addresses of its stateful resources (prod; dev holds the same)", () => {
    expect(statefulAddresses(app("prod"))).toEqual(PROD_STATEFUL);
    expect(statefulAddresses(app("dev"))).toEqual(PROD_STATEFUL);
  });
});

const PROD_STATEFUL = [
  "aws_cloudtrail.Audit_Trail_3BF4E139",
  "aws_cloudwatch_log_group.Audit_TrailLogGroup_104680F1",
  "aws_cloudwatch_log_group.ComputeTier_Cluster_ExecLogGroup_E0F4700F",
  "aws_cloudwatch_log_group.ComputeTier_WebAcl_LogGroup_E41E01D9",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-postgresql_LogGroup_84A82D2D",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-upgrade_LogGroup_307C00C6",
  "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
  "aws_cloudwatch_log_group.Network_FlowLogGroup_2BDFE538",
  "aws_cloudwatch_log_group.Observability_AppLogGroup_F4E19BFD",
  "aws_db_instance.DataTier_Database_Instance_FAFCD63B",
  "aws_ecr_repository.ComputeTier_Repository-api_Repository_FE3D40C1",
  "aws_guardduty_detector.Audit_GuardDuty_AB53A8C3",
  "aws_kms_alias.Audit_AuditKey_Alias_660B48F3",
  "aws_kms_alias.DataKey_Alias_99EFF7B9",
  "aws_kms_alias.Key-phi-fields_Alias_65CA77D1",
  "aws_kms_key.Audit_AuditKey_C2D319ED",
  "aws_kms_key.DataKey_0F118E08",
  "aws_kms_key.Key-phi-fields_Key_8FE5D58C",
  "aws_s3_bucket.AccessLogBucket_E6559820",
  "aws_s3_bucket.Audit_AuditBucket_75A22C72",
  "aws_s3_bucket.Audit_ConfigBucket_1E28D55D",
  "aws_s3_bucket.ComputeTier_LoadBalancer_LogBucket_7486F731",
  "aws_s3_bucket.DataBucket-reports_Bucket_253A8050",
  "aws_s3_bucket_object_lock_configuration.Audit_AuditBucket_ObjectLock_475A3AB7",
  "aws_secretsmanager_secret.Secret-jwt-secret_Secret_76643CA8",
  "aws_secretsmanager_secret.Secret-openai-api-key_Secret_DA761A5E",
  "aws_secretsmanager_secret.Secret-stripe-secret-key_Secret_4FC1C8B8",
];
