/**
 * R4 `ecs-cdn-hipaa` (HIPAA app behind CloudFront): every bullet of its guide on the
 * synthesized JSON of examples/ecs-cdn-hipaa.json, per environment where thresholds follow
 * the environment's database class and storage.
 */
import { alarmNamed, onlyResource, referenced, resourcesOfType, type TfJson } from "../helpers";
import { blockingFindings, expectPinnedStateful, synthesizeExample } from "./synthesize";
import { ENVIRONMENTS } from "../../config/schema";

const { tf, reports } = synthesizeExample("ecs-cdn-hipaa.json");
const app = (env: string) => tf(`mediflow-${env}-app`);
const pair = (t: TfJson, name: string) => [alarmNamed(t, `${name}-warning`).threshold, alarmNamed(t, `${name}-critical`).threshold];
const GIB = 1024 ** 3;

describe("R4 ecs-cdn-hipaa", () => {
  it("synthesizes dev, staging and prod with no blocking finding and no stale suppression", () => {
    expect(reports).toHaveLength(6);
    expect(blockingFindings(reports)).toEqual([]);
  });

  it.each(ENVIRONMENTS)("%s: us-east-1; app and database in private subnets, the ALB in public ones, NAT for outbound", (env) => {
    const t = app(env);
    expect(t.provider!.aws[0].region).toBe("us-east-1");
    const tier = (ref: string) => referenced(t, ref)["//"].metadata.path as string;
    for (const s of onlyResource(t, "aws_ecs_service").network_configuration.subnets) expect(tier(s)).toMatch(/\/App/);
    for (const s of onlyResource(t, "aws_lb").subnets) expect(tier(s)).toMatch(/\/Public/);
    const db = onlyResource(t, "aws_db_instance");
    for (const s of referenced(t, db.db_subnet_group_name).subnet_ids) expect(tier(s)).toMatch(/\/Data/);
    expect(resourcesOfType(t, "aws_nat_gateway").length).toBeGreaterThan(0);
  });

  it.each(ENVIRONMENTS)(
    "%s: Fargate behind the ALB (TLS 1.3, HTTPS only: CloudFront redirects HTTP), which admits CloudFront only",
    (env) => {
      const t = app(env);
      const listeners = resourcesOfType(t, "aws_lb_listener");
      expect(listeners.find((l) => l.protocol === "HTTPS")!.ssl_policy).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
      // Nothing reaches port 80 of an ALB locked to CloudFront: no listener there; viewers' http:// is CloudFront's redirect.
      expect(listeners.map((l) => [l.port, l.protocol])).toEqual([[443, "HTTPS"]]);
      expect(onlyResource(t, "aws_cloudfront_distribution").default_cache_behavior.viewer_protocol_policy).toBe("redirect-to-https");
      const ingress = resourcesOfType(t, "aws_vpc_security_group_ingress_rule").filter((r) =>
        r["//"].metadata.path.includes("LoadBalancer"),
      );
      expect(ingress.map((r) => r.prefix_list_id ?? r.cidr_ipv4)).not.toContain("0.0.0.0/0");
      expect(ingress.map((r) => [r.from_port, r.to_port])).toEqual([[443, 443]]);
      expect(onlyResource(t, "aws_ecs_task_definition").requires_compatibilities).toEqual(["FARGATE"]);
    },
  );

  it.each(ENVIRONMENTS)(
    "%s: CloudFront with its ACM certificate, standard logging, the static assets it names cached, HSTS, a web ACL",
    (env) => {
      const t = app(env);
      const d = onlyResource(t, "aws_cloudfront_distribution");
      expect(d.viewer_certificate).toMatchObject({ minimum_protocol_version: "TLSv1.2_2021", ssl_support_method: "sni-only" });
      expect(referenced(t, d.viewer_certificate.acm_certificate_arn).region).toBe("us-east-1");
      expect(d.ordered_cache_behavior.map((b: any) => [b.path_pattern, b.cache_policy_id.includes("CachingOptimized")])).toEqual([
        ["/static/*", true],
        ["/assets/*", true],
      ]);
      expect(d.default_cache_behavior.viewer_protocol_policy).toBe("redirect-to-https");
      expect(referenced(t, d.web_acl_id).scope).toBe("CLOUDFRONT");
      expect(onlyResource(t, "aws_cloudwatch_log_delivery_source").log_type).toBe("ACCESS_LOGS");
      expect(onlyResource(t, "aws_cloudfront_response_headers_policy").security_headers_config.strict_transport_security).toMatchObject({
        access_control_max_age_sec: 31536000,
      });
    },
  );

  it.each(ENVIRONMENTS)("%s: PostgreSQL Multi-AZ, encrypted, 30-day backups, TLS forced, maintenance on Sunday", (env) => {
    const t = app(env);
    const db = onlyResource(t, "aws_db_instance");
    expect(db).toMatchObject({ multi_az: true, storage_encrypted: true, backup_retention_period: 30 });
    expect(db.maintenance_window).toMatch(/^sun:/);
    expect(referenced(t, db.parameter_group_name).parameter).toContainEqual(expect.objectContaining({ name: "rds.force_ssl", value: "1" }));
  });

  it.each(ENVIRONMENTS)(
    "%s: Redis with a password (AUTH), encrypted in transit and at rest, automatic failover, Sunday maintenance",
    (env) => {
      const group = onlyResource(app(env), "aws_elasticache_replication_group");
      expect(group).toMatchObject({
        transit_encryption_enabled: true,
        at_rest_encryption_enabled: "true",
        auth_token: expect.stringMatching(/^\$\{random_password\./),
        num_cache_clusters: 2,
        automatic_failover_enabled: true,
        multi_az_enabled: true,
      });
      expect(group.maintenance_window).toMatch(/^sun:/);
    },
  );

  it("S3: KMS, versioning, lifecycle, public access blocked and access logging on every bucket but the log targets", () => {
    const t = app("prod");
    const buckets = resourcesOfType(t, "aws_s3_bucket");
    const has = (type: string) => new Set(resourcesOfType(t, type).map((x) => referenced(t, x.bucket).bucket));
    const logged = has("aws_s3_bucket_logging");
    // The access-log buckets themselves log nowhere (a bucket logging to itself loops).
    expect(
      buckets
        .map((b) => b.bucket)
        .filter((b) => !logged.has(b))
        .sort(),
    ).toEqual(["mediflow-prod-access-logs-333333333333", "mediflow-prod-dr-access-logs-333333333333"]);
    for (const type of ["aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block", "aws_s3_bucket_lifecycle_configuration"]) {
      expect([...has(type)].sort()).toEqual(expect.arrayContaining(["mediflow-prod-documents-333333333333"]));
    }
    expect(buckets.every((b) => has("aws_s3_bucket_public_access_block").has(b.bucket))).toBe(true);
    expect(buckets.every((b) => has("aws_s3_bucket_server_side_encryption_configuration").has(b.bucket))).toBe(true);
  });

  it("one Secrets Manager secret holding DATABASE_URL, JWT_SECRET and ENCRYPTION_KEY (the cache's AUTH token keeps its own)", () => {
    const t = app("prod");
    expect(
      resourcesOfType(t, "aws_secretsmanager_secret")
        .map((x) => x.name)
        .sort(),
    ).toEqual(["mediflow/prod/app", "mediflow/prod/cache-auth-token"]);
    const [c] = JSON.parse(onlyResource(t, "aws_ecs_task_definition").container_definitions);
    expect(c.secrets.map((x: any) => x.name)).toContain("APP_SECRETS");
  });

  it.each(ENVIRONMENTS)(
    "%s: alarms: CPU, memory, connections > 80 % of the class's, error rate > 1 %, p95 > 2 s, failed logins > 10/min, disk > 80 %",
    (env) => {
      const t = app(env);
      const p = `mediflow-${env}`;
      expect(pair(t, `${p}-api-cpu`)).toEqual([80, 90]);
      expect(pair(t, `${p}-api-memory`)).toEqual([80, 90]);
      // max_connections of PostgreSQL is memory / 9531392: db.t4g.micro 112, small 225, medium 450; 70 / 80 % of it.
      expect(pair(t, `${p}-db-connections`)).toEqual({ dev: [78, 90], staging: [157, 180], prod: [315, 360] }[env]);
      expect(pair(t, `${p}-api-error-rate`)).toEqual([1, 5]);
      expect(alarmNamed(t, `${p}-api-error-rate-warning`).metric_query[0].expression).toContain(
        "100 * FILL(errors, 0) / FILL(requests, 0)",
      );
      expect(pair(t, `${p}-api-latency-p95`)).toEqual([1, 2]);
      expect(pair(t, `${p}-failed-logins`)).toEqual([5, 10]);
      expect(alarmNamed(t, `${p}-failed-logins-critical`).period).toBe(60);
      // Disk usage above 75 / 80 %: free storage below 25 / 20 % of the allocated 20 GiB (dev, staging) or 100 GiB (prod).
      const allocated = onlyResource(t, "aws_db_instance").allocated_storage;
      expect(pair(t, `${p}-db-free-storage`)).toEqual([0.25 * allocated * GIB, 0.2 * allocated * GIB]);
      expect(onlyResource(t, "aws_cloudtrail").is_multi_region_trail).toBe(true);
    },
  );

  it("audit logs kept 2557 days (7 years) in every environment", () => {
    for (const env of ENVIRONMENTS) {
      const trail = resourcesOfType(app(env), "aws_cloudwatch_log_group").find((g) => g.name === `/aws/cloudtrail/mediflow-${env}`)!;
      expect(trail.retention_in_days).toBe(2557);
    }
  });

  it("DR (RPO 1 h, RTO 4 h): prod's backups encrypted and replicated to us-west-2, documents replicated there", () => {
    const prod = app("prod");
    const copy = onlyResource(prod, "aws_db_instance_automated_backups_replication");
    expect(copy).toMatchObject({ region: "us-west-2", retention_period: 30 });
    expect(referenced(prod, copy.kms_key_id).region).toBe("us-west-2");
    expect(
      resourcesOfType(prod, "aws_s3_bucket")
        .filter((b) => b.region === "us-west-2")
        .map((b) => b.bucket)
        .sort(),
    ).toEqual(["mediflow-prod-documents-333333333333-replica", "mediflow-prod-dr-access-logs-333333333333"]);
    for (const env of ["dev", "staging"]) {
      expect(resourcesOfType(app(env), "aws_db_instance_automated_backups_replication")).toEqual([]);
      expect(resourcesOfType(app(env), "aws_s3_bucket_replication_configuration")).toEqual([]);
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
  "aws_cloudwatch_log_group.DataTier_Cache_LogGroup-engine-log_LogGroup_7E0453E5",
  "aws_cloudwatch_log_group.DataTier_Cache_LogGroup-slow-log_LogGroup_223B060E",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-postgresql_LogGroup_84A82D2D",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-upgrade_LogGroup_307C00C6",
  "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
  "aws_cloudwatch_log_group.EdgeTier_WebAcl_LogGroup_DF067CD7",
  "aws_cloudwatch_log_group.Network_FlowLogGroup_2BDFE538",
  "aws_cloudwatch_log_group.Observability_AppLogGroup_F4E19BFD",
  "aws_db_instance.DataTier_Database_Instance_FAFCD63B",
  "aws_db_instance_automated_backups_replication.DataTier_Database_BackupReplication_81C8A7BB",
  "aws_ecr_repository.ComputeTier_Repository-api_Repository_FE3D40C1",
  "aws_elasticache_replication_group.DataTier_Cache_ReplicationGroup_8F843388",
  "aws_guardduty_detector.Audit_DrGuardDuty_657E243D",
  "aws_guardduty_detector.Audit_GuardDuty_AB53A8C3",
  "aws_kms_alias.Audit_AuditKey_Alias_660B48F3",
  "aws_kms_alias.DataKey_Alias_99EFF7B9",
  "aws_kms_alias.DrKey_Alias_FA254790",
  "aws_kms_alias.EdgeTier_Key_Alias_9065F129",
  "aws_kms_key.Audit_AuditKey_C2D319ED",
  "aws_kms_key.DataKey_0F118E08",
  "aws_kms_key.DrKey_4F61603B",
  "aws_kms_key.EdgeTier_Key_02621E43",
  "aws_s3_bucket.AccessLogBucket_E6559820",
  "aws_s3_bucket.Audit_AuditBucket_75A22C72",
  "aws_s3_bucket.Audit_ConfigBucket_1E28D55D",
  "aws_s3_bucket.ComputeTier_LoadBalancer_LogBucket_7486F731",
  "aws_s3_bucket.DataBucket-documents_Bucket_6C56D0B9",
  "aws_s3_bucket.DataBucketReplica-documents_Bucket_F5BA6C58",
  "aws_s3_bucket.DrAccessLogBucket_2E1DD058",
  "aws_s3_bucket.EdgeTier_LogBucket_9517A6D8",
  "aws_s3_bucket_object_lock_configuration.Audit_AuditBucket_ObjectLock_475A3AB7",
  "aws_secretsmanager_secret.DataTier_Cache_AuthToken_Secret_6F98C479",
  "aws_secretsmanager_secret.Secret-app_Secret_0193055D",
  "random_password.ComputeTier_LoadBalancer_OriginSecret_37ABB820",
  "random_password.DataTier_Cache_AuthToken_Value-value_4C50AF19",
  "random_password.Secret-app_Value-ENCRYPTION_KEY_12FB9D08",
  "random_password.Secret-app_Value-JWT_SECRET_3CDED6B5",
];
