/**
 * R1 `apprunner-eu` (telerehabilitation, GDPR): every bullet of its guide on the synthesized
 * JSON of examples/apprunner-eu.json, per environment where the guide differs.
 */
import { validateSpec } from "../../config/validate";
import { alarmNamed, onlyResource, referenced, resourcesOfType, type TfJson } from "../helpers";
import { blockingFindings, rawExample, expectPinnedStateful, synthesizeExample, accountOf } from "./synthesize";
import { ENVIRONMENTS } from "../../config/schema";

const FILE = "apprunner-eu.json";
const { tf, reports } = synthesizeExample(FILE);
const app = (env: string) => tf(`orthosense-${env}-app`);
const db = (t: TfJson) => onlyResource(t, "aws_db_instance");

describe("R1 apprunner-eu", () => {
  it("synthesizes dev, staging and prod with no blocking finding and no stale suppression", () => {
    expect(reports).toHaveLength(6);
    expect(blockingFindings(reports)).toEqual([]);
  });

  describe("GDPR residency: every resource in the EU but the two named CloudFront exceptions", () => {
    const allowed = rawExample(FILE).allowedRegions as string[];
    /** Every resource of every stack with its region: its own `region`, else its provider's. */
    const regions = (t: TfJson) => {
      const providers = new Map((t.provider?.aws ?? []).map((p: any) => [p.alias ? `aws.${p.alias}` : "aws", p.region as string]));
      return Object.entries(t.resource ?? {}).flatMap(([type, byName]) =>
        Object.values(byName).map((r: any) => ({
          type,
          path: r["//"].metadata.path as string,
          region: (r.region as string | undefined) ?? providers.get(r.provider ?? "aws")!,
        })),
      );
    };

    it.each(ENVIRONMENTS)("%s: providers in the EU, and outside it only the certificate and the log delivery configuration", (env) => {
      for (const id of [`orthosense-${env}-app`, `orthosense-${env}-bootstrap`]) {
        const t = tf(id);
        expect((t.provider!.aws as any[]).map((p) => p.region).filter((r) => !allowed.includes(r))).toEqual([]);
        for (const r of regions(t)) expect(r.region).toBeDefined();
      }
      const outside = regions(app(env))
        .filter((r) => !allowed.includes(r.region))
        .map((r) => `${r.region} ${r.type} ${r.path.split("/").slice(1, 3).join("/")}`)
        .sort();
      // cloudfront-certificate and cloudfront-log-delivery, the config's residencyExceptions.
      expect(outside).toEqual([
        "us-east-1 aws_acm_certificate EdgeTier/Certificate",
        "us-east-1 aws_acm_certificate_validation EdgeTier/Certificate",
        "us-east-1 aws_cloudwatch_log_delivery EdgeTier/Distribution",
        "us-east-1 aws_cloudwatch_log_delivery_destination EdgeTier/Distribution",
        "us-east-1 aws_cloudwatch_log_delivery_source EdgeTier/Distribution",
      ]);
      expect(rawExample(FILE).residencyExceptions.map((e: any) => e.resource)).toEqual([
        "cloudfront-certificate",
        "cloudfront-log-delivery",
      ]);
      // The access logs themselves land in the EU.
      const logs = resourcesOfType(app(env), "aws_s3_bucket").find((b) => b.bucket === `orthosense-${env}-cdn-logs-${accountOf(env)}`)!;
      const effective = regions(app(env)).find((r) => r.type === "aws_s3_bucket" && r.path === (logs as any)["//"].metadata.path);
      expect(effective?.region).toBe("eu-central-1");
    });

    it("the residency guardrail passes every resource", () => {
      const residency = reports.flatMap((r) => r.findings.filter((f) => f.ruleId === "PRJ_DATA_RESIDENCY"));
      expect(residency.length).toBeGreaterThan(0);
      expect(residency.filter((f) => f.status !== "passed")).toEqual([]);
    });

    /** Problems of the example changed by `change`, as `path: message`. */
    const problemsWith = (change: (spec: any) => void) => {
      const spec = rawExample(FILE);
      change(spec);
      const result = validateSpec(spec);
      return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    };

    it.each([
      ["a DR copy (bucket replicas, database backups)", (s: any) => (s.drRegion = "us-east-1"), "drRegion"],
      ["an environment", (s: any) => (s.environments.prod.region = "us-west-2"), "environments.prod.region"],
      ["the state bucket and its access logs", (s: any) => (s.state.region = "us-east-1"), "state.region"],
      ["an environment's state", (s: any) => (s.environments.dev.state = { region: "eu-west-2" }), "environments.dev.state.region"],
    ])("rejects a config that puts %s outside allowedRegions, with its path", (_what, change, path) => {
      expect(problemsWith(change)).toEqual([
        expect.stringMatching(new RegExp(`^${path.replace(/\./g, "\\.")}: region "[a-z0-9-]+" is outside allowedRegions`)),
      ]);
    });

    it("rejects CloudFront logs or a CLOUDFRONT web ACL in us-east-1 without a named exception", () => {
      expect(problemsWith((s) => s.residencyExceptions.pop())).toEqual([
        expect.stringMatching(/^edge\.cdn: puts cloudfront-log-delivery in us-east-1, outside allowedRegions/),
      ]);
      expect(problemsWith((s) => (s.edge.cdn.webAcl = true))).toEqual([
        expect.stringMatching(/^edge\.cdn\.webAcl: puts cloudfront-web-acl in us-east-1, outside allowedRegions/),
      ]);
    });
  });

  it("the FastAPI container on App Runner from ECR, its VPC connector in the private subnets, scaling 1-2 / 1-5 / 2-10", () => {
    const scaling = (env: string) => onlyResource(app(env), "aws_apprunner_auto_scaling_configuration_version");
    expect(ENVIRONMENTS.map((e) => [scaling(e).min_size, scaling(e).max_size])).toEqual([
      [1, 2],
      [1, 5],
      [2, 10],
    ]);
    const prod = app("prod");
    const svc = onlyResource(prod, "aws_apprunner_service");
    expect(svc.service_name).toBe("orthosense-prod-api");
    expect(svc.source_configuration.image_repository.image_repository_type).toBe("ECR");
    expect(svc.source_configuration.image_repository.image_configuration.port).toBe("8000");
    expect(svc.network_configuration.egress_configuration.egress_type).toBe("VPC");
    const connector = referenced(prod, svc.network_configuration.egress_configuration.vpc_connector_arn);
    const appSubnets = resourcesOfType(prod, "aws_subnet").filter((s) => s["//"].metadata.path.includes("/App"));
    expect(connector.subnets).toHaveLength(3);
    expect(connector.subnets.map((s: string) => referenced(prod, s).map_public_ip_on_launch)).not.toContain(true);
    expect(appSubnets.length).toBeGreaterThan(0);
  });

  it("ECR: scan on push, the customer-managed key", () => {
    expect(onlyResource(app("prod"), "aws_ecr_repository")).toMatchObject({
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS", kms_key: expect.stringMatching(/^\$\{aws_kms_key\.DataKey_/) }],
    });
  });

  const postgresTitle =
    "PostgreSQL 16: CMK, 35-day backups, Performance Insights, logs exported, " + "single-AZ micro in dev, Multi-AZ small / medium after";
  it(postgresTitle, () => {
    const sizes = ENVIRONMENTS.map((e) => [db(app(e)).instance_class, db(app(e)).multi_az]);
    expect(sizes).toEqual([
      ["db.t4g.micro", false],
      ["db.t4g.small", true],
      ["db.t4g.medium", true],
    ]);
    for (const env of ENVIRONMENTS) {
      expect(db(app(env))).toMatchObject({
        engine: "postgres",
        engine_version: "16",
        storage_encrypted: true,
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.DataKey_/),
        backup_retention_period: 35,
        performance_insights_enabled: true,
        enabled_cloudwatch_logs_exports: ["postgresql", "upgrade"],
      });
    }
  });

  it("Redis 7: TLS, AUTH token, CMK at rest; micro / small single node, two nodes in prod", () => {
    const group = (env: string) => onlyResource(app(env), "aws_elasticache_replication_group");
    expect(ENVIRONMENTS.map((e) => [group(e).node_type, group(e).num_cache_clusters])).toEqual([
      ["cache.t4g.micro", 1],
      ["cache.t4g.small", 1],
      ["cache.t4g.medium", 2],
    ]);
    for (const env of ENVIRONMENTS) {
      expect(group(env)).toMatchObject({
        engine: "redis",
        engine_version: "7.1",
        transit_encryption_enabled: true,
        auth_token: expect.stringMatching(/^\$\{random_password\./),
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.DataKey_/),
      });
    }
  });

  it("SECRET_KEY (64 generated characters, CMK) injected by ARN; DATABASE_URL and REDIS_URL carry no credentials", () => {
    const prod = app("prod");
    const secret = resourcesOfType(prod, "aws_secretsmanager_secret").find((s) => s.name === "orthosense/prod/secret-key")!;
    expect(secret.kms_key_id).toMatch(/^\$\{aws_kms_key\.DataKey_/);
    const image = onlyResource(prod, "aws_apprunner_service").source_configuration.image_repository.image_configuration;
    expect(Object.keys(image.runtime_environment_secrets)).toEqual(["REDIS_PASSWORD", "SECRET_KEY"]);
    expect(referenced(prod, image.runtime_environment_secrets.SECRET_KEY)).toBe(secret);
    expect(image.runtime_environment_variables.DATABASE_URL).toMatch(
      /^postgresql:\/\/\$\{aws_db_instance\.[\w]+\.address\}:5432\/orthosense$/,
    );
    expect(image.runtime_environment_variables.REDIS_URL).toMatch(
      /^rediss:\/\/\$\{aws_elasticache_replication_group\.\w+\.primary_endpoint_address\}:6379$/,
    );
    expect(resourcesOfType(prod, "random_password").map((p) => p.length)).toEqual([64, 64]);
  });

  it("WAF with the OWASP core rule set in front of the API", () => {
    const prod = app("prod");
    const acl = onlyResource(prod, "aws_wafv2_web_acl");
    expect(acl.scope).toBe("REGIONAL");
    expect(acl.rule.map((r: any) => r.name)).toEqual(
      expect.arrayContaining(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet"]),
    );
    expect(onlyResource(prod, "aws_wafv2_web_acl_association").resource_arn).toMatch(/aws_apprunner_service/);
  });

  it("alarm pairs with the guide's thresholds to an SNS topic with an e-mail subscription, and a dashboard", () => {
    for (const env of ENVIRONMENTS) {
      const t = app(env);
      const thresholds = (name: string) => [
        alarmNamed(t, `orthosense-${env}-${name}-warning`).threshold,
        alarmNamed(t, `orthosense-${env}-${name}-critical`).threshold,
      ];
      expect(thresholds("api-latency-p95")).toEqual([1000, 2000]); // App Runner reports milliseconds
      expect(thresholds("api-5xx")).toEqual([5, 10]);
      expect(alarmNamed(t, `orthosense-${env}-api-5xx-warning`).period).toBe(300);
      expect(thresholds("db-cpu")).toEqual([70, 80]);
      expect(thresholds("cache-001-memory")).toEqual([70, 80]);
      // The guide's 100 / 150 connections; dev's db.t4g.micro allows about 80, so 60 / 80 there.
      expect(thresholds("db-connections")).toEqual(env === "dev" ? [60, 80] : [100, 150]);
      const topic = referenced(t, alarmNamed(t, `orthosense-${env}-db-cpu-critical`).alarm_actions[0]);
      expect(topic.name).toBe(`orthosense-${env}-alarms`);
      expect(topic.kms_master_key_id).toBeDefined();
      expect(resourcesOfType(t, "aws_sns_topic_subscription").find((x) => referenced(t, x.topic_arn) === topic)).toMatchObject({
        protocol: "email",
        endpoint: "alarms@example.com",
      });
      expect(onlyResource(t, "aws_cloudwatch_dashboard").dashboard_name).toBe(`orthosense-${env}`);
    }
  });

  it("VPC flow logs and a multi-region CloudTrail trail", () => {
    for (const env of ENVIRONMENTS) {
      expect(onlyResource(app(env), "aws_flow_log").traffic_type).toBe("ALL");
      expect(onlyResource(app(env), "aws_cloudtrail")).toMatchObject({ is_multi_region_trail: true, enable_log_file_validation: true });
    }
  });

  it("every bucket encrypted with a customer-managed key, except the ones AWS log delivery requires SSE-S3 for", () => {
    const prod = app("prod");
    const sse = resourcesOfType(prod, "aws_s3_bucket_server_side_encryption_configuration").map((c) => [
      referenced(prod, c.bucket).bucket,
      c.rule[0].apply_server_side_encryption_by_default.sse_algorithm,
    ]);
    expect(sse.filter(([, algorithm]) => algorithm !== "aws:kms").map(([b]) => b)).toEqual(["orthosense-prod-access-logs-333333333333"]);
  });

  it("the frontend: a versioned private bucket behind CloudFront with the guide's security headers", () => {
    for (const env of ENVIRONMENTS) {
      const t = app(env);
      const frontend = resourcesOfType(t, "aws_s3_bucket").find((b) => b.bucket === `orthosense-${env}-frontend-${accountOf(env)}`)!;
      const versioning = resourcesOfType(t, "aws_s3_bucket_versioning").find((v) => referenced(t, v.bucket) === frontend)!;
      expect(versioning.versioning_configuration.status).toBe("Enabled");
      const headers = onlyResource(t, "aws_cloudfront_response_headers_policy").security_headers_config;
      expect(headers).toMatchObject({
        strict_transport_security: { access_control_max_age_sec: 31536000, include_subdomains: true, preload: true },
        content_type_options: { override: true },
        frame_options: { frame_option: "DENY" },
        xss_protection: { protection: true, mode_block: true },
        referrer_policy: { referrer_policy: "strict-origin-when-cross-origin" },
        content_security_policy: { content_security_policy: expect.stringContaining("default-src 'self'") },
      });
      expect(onlyResource(t, "aws_cloudfront_distribution").restrictions.geo_restriction.restriction_type).toBe("whitelist");
    }
  });

  it("NAT: one in dev, one per AZ in staging and prod; prod spans 3 AZs", () => {
    expect(ENVIRONMENTS.map((e) => resourcesOfType(app(e), "aws_nat_gateway").length)).toEqual([1, 2, 3]);
    expect(resourcesOfType(app("prod"), "aws_subnet")).toHaveLength(9);
  });

  it("state: bucket orthosense-terraform-state-<env> (versioned), a lock table, key orthosense/<env>/terraform.tfstate", () => {
    for (const env of ENVIRONMENTS) {
      const bootstrap = tf(`orthosense-${env}-bootstrap`);
      const state = resourcesOfType(bootstrap, "aws_s3_bucket").find((b) => b.bucket === `orthosense-terraform-state-${env}`)!;
      expect(resourcesOfType(bootstrap, "aws_s3_bucket_versioning").find((v) => referenced(bootstrap, v.bucket) === state)).toBeDefined();
      expect(onlyResource(bootstrap, "aws_dynamodb_table").name).toBe(`orthosense-${env}-tflock`);
      expect(app(env).terraform!.backend.s3).toMatchObject({
        bucket: `orthosense-terraform-state-${env}`,
        key: `orthosense/${env}/terraform.tfstate`,
        dynamodb_table: `orthosense-${env}-tflock`,
      });
    }
  });

  it("budgets at the top of the guide's estimates: $120 / $300 / $600 a month", () => {
    expect(ENVIRONMENTS.map((e) => onlyResource(app(e), "aws_budgets_budget").limit_amount)).toEqual(["120.00", "300.00", "600.00"]);
  });

  it("pins the addresses of its stateful resources (prod; dev holds a subset)", () => {
    expectPinnedStateful(app("prod"), app("dev"), PROD_STATEFUL);
  });
});

const PROD_STATEFUL = [
  "aws_cloudtrail.Audit_Trail_3BF4E139",
  "aws_cloudwatch_log_group.Audit_TrailLogGroup_104680F1",
  "aws_cloudwatch_log_group.ComputeTier_WebAcl_LogGroup_E41E01D9",
  "aws_cloudwatch_log_group.DataTier_Cache_LogGroup-engine-log_LogGroup_7E0453E5",
  "aws_cloudwatch_log_group.DataTier_Cache_LogGroup-slow-log_LogGroup_223B060E",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-postgresql_LogGroup_84A82D2D",
  "aws_cloudwatch_log_group.DataTier_Database_LogGroup-upgrade_LogGroup_307C00C6",
  "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
  "aws_cloudwatch_log_group.Network_FlowLogGroup_2BDFE538",
  "aws_cloudwatch_log_group.Observability_AppLogGroup_F4E19BFD",
  "aws_db_instance.DataTier_Database_Instance_FAFCD63B",
  "aws_ecr_repository.ComputeTier_Repository-api_Repository_FE3D40C1",
  "aws_elasticache_replication_group.DataTier_Cache_ReplicationGroup_8F843388",
  "aws_guardduty_detector.Audit_GuardDuty_AB53A8C3",
  "aws_kms_alias.Audit_AuditKey_Alias_660B48F3",
  "aws_kms_alias.DataKey_Alias_99EFF7B9",
  "aws_kms_alias.EdgeTier_Key_Alias_9065F129",
  "aws_kms_key.Audit_AuditKey_C2D319ED",
  "aws_kms_key.DataKey_0F118E08",
  "aws_kms_key.EdgeTier_Key_02621E43",
  "aws_s3_bucket.AccessLogBucket_E6559820",
  "aws_s3_bucket.Audit_AuditBucket_75A22C72",
  "aws_s3_bucket.Audit_ConfigBucket_1E28D55D",
  "aws_s3_bucket.EdgeTier_FrontendBucket_D0C0FCBC",
  "aws_s3_bucket.EdgeTier_LogBucket_9517A6D8",
  "aws_s3_bucket_object_lock_configuration.Audit_AuditBucket_ObjectLock_475A3AB7",
  "aws_secretsmanager_secret.DataTier_Cache_AuthToken_Secret_6F98C479",
  "aws_secretsmanager_secret.Secret-secret-key_Secret_FC78AC19",
  "random_password.DataTier_Cache_AuthToken_Value-value_4C50AF19",
  "random_password.Secret-secret-key_Value-value_9F213C6B",
];
