/**
 * The reference systems (../shared/reference/systems.md) as configs: each validates and
 * synthesizes for dev, staging and prod with no blocking guardrail finding. They hold what
 * the platform expresses so far (network, keys, secrets, buckets, observability, audit,
 * the relational database or Aurora cluster, the cache, ECS services behind an ALB); App
 * Runner, WAF and CloudFront join them as those constructs land.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer";
import { loadSpecFile } from "../config/load";
import { blocking } from "../guardrails/engine";
import { enforce } from "../guardrails/enforce";
import { buildApp } from "../stacks/build-app";
import { onlyResource, referenced, resourcesOfType, type TfJson } from "./helpers";

const dir = join(__dirname, "..", "examples");
const examples = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();

function synthesize(file: string) {
  const built = buildApp(loadSpecFile(join(dir, file)), mkdtempSync(join(tmpdir(), "ex-")), { attachGuardrails: false });
  // As app.synth() does before the guardrails read its output: protection is an aspect.
  invokeAspects(built.app);
  const reports = enforce(built.stacks);
  const tf = (id: string) => built.stacks.find((s) => s.stack.node.id === id)!.stack.toTerraform() as TfJson;
  return { built, reports, tf };
}

describe("reference system examples", () => {
  it("has one config per reference system", () => {
    expect(examples).toEqual(["apprunner-aurora.json", "apprunner-eu.json", "ecs-cdn-hipaa.json", "ecs-hipaa.json", "ecs-mysql-dr.json"]);
  });

  it.each(examples)("%s synthesizes dev, staging and prod with no blocking finding", (file) => {
    const { built, reports } = synthesize(file);
    expect(built.stacks.map((s) => s.stack.node.id.split("-").slice(-2).join("-"))).toEqual([
      "dev-bootstrap",
      "dev-app",
      "staging-bootstrap",
      "staging-app",
      "prod-bootstrap",
      "prod-app",
    ]);
    for (const r of reports) expect(blocking(r)).toEqual([]);
    for (const r of reports) expect(r.staleSuppressions).toEqual([]);
  });

  it.each(examples)("%s restricts prod state to its deploy role", (file) => {
    const { built, tf } = synthesize(file);
    const id = built.bootstrapStacks.find((b) => b.node.id.endsWith("-prod-bootstrap"))!.node.id;
    const policies = resourcesOfType(tf(id), "aws_s3_bucket_policy").map((p) => JSON.parse(p.policy).Statement);
    const deny = policies.flat().find((st: any) => st.Sid === "DenyStateAccessExceptTerraformRoles");
    expect(deny.Condition.ArnNotLike["aws:PrincipalArn"]).toEqual([
      expect.stringMatching(/^arn:aws:iam::333333333333:role\/[a-z]+-prod-deploy$/),
    ]);
  });

  it("R1 apprunner-eu: everything in the EU, 3 AZs in prod, SECRET_KEY of 64 generated characters", () => {
    const { reports, tf } = synthesize("apprunner-eu.json");
    const residency = reports.flatMap((r) => r.findings.filter((f) => f.ruleId === "PRJ_DATA_RESIDENCY"));
    expect(residency.length).toBeGreaterThan(0);
    expect(residency.every((f) => f.status === "passed")).toBe(true);
    expect(resourcesOfType(tf("orthosense-prod-app"), "aws_nat_gateway")).toHaveLength(3);
    expect(resourcesOfType(tf("orthosense-dev-app"), "aws_nat_gateway")).toHaveLength(1);
    // SECRET_KEY, and the cache's AUTH token.
    expect(resourcesOfType(tf("orthosense-prod-app"), "random_password").map((p) => p.length)).toEqual([64, 64]);
  });

  it("R1 apprunner-eu: the API on App Runner in eu-central-1, port 8000, scaling 1-2 / 1-5 / 2-10, through the VPC to the database and Redis, behind the WAF", () => {
    const { tf } = synthesize("apprunner-eu.json");
    const scaling = (env: string) => onlyResource(tf(`orthosense-${env}-app`), "aws_apprunner_auto_scaling_configuration_version");
    expect(["dev", "staging", "prod"].map((e) => [scaling(e).min_size, scaling(e).max_size])).toEqual([
      [1, 2],
      [1, 5],
      [2, 10],
    ]);
    const prod = tf("orthosense-prod-app");
    const svc = onlyResource(prod, "aws_apprunner_service");
    const image = svc.source_configuration.image_repository.image_configuration;
    expect(image.port).toBe("8000");
    expect(Object.keys(image.runtime_environment_secrets)).toEqual(["REDIS_PASSWORD", "SECRET_KEY"]);
    expect(image.runtime_environment_variables).toMatchObject({ DATABASE_USER: "api", DATABASE_NAME: "orthosense" });
    expect(svc.network_configuration.egress_configuration.egress_type).toBe("VPC");
    expect(onlyResource(prod, "aws_wafv2_web_acl_association").resource_arn).toMatch(/aws_apprunner_service/);
    expect(resourcesOfType(prod, "aws_lb")).toEqual([]);
    expect(prod.provider!.aws[0].region).toBe("eu-central-1");
  });

  it("R2 ecs-hipaa: the guide's subnets and single NAT, the PHI field key, third-party key placeholders", () => {
    const prod = synthesize("ecs-hipaa.json").tf("carebow-prod-app");
    expect(
      resourcesOfType(prod, "aws_subnet")
        .map((s) => s.cidr_block)
        .sort(),
    ).toEqual([
      "10.0.1.0/24",
      "10.0.11.0/24",
      "10.0.12.0/24",
      "10.0.13.0/24",
      "10.0.2.0/24",
      "10.0.21.0/24",
      "10.0.22.0/24",
      "10.0.23.0/24",
      "10.0.3.0/24",
    ]);
    expect(resourcesOfType(prod, "aws_nat_gateway")).toHaveLength(1);
    expect(resourcesOfType(prod, "aws_kms_alias").map((a) => a.name)).toContain("alias/carebow-prod-phi-fields");
    expect(
      resourcesOfType(prod, "aws_secretsmanager_secret")
        .map((s) => s.name)
        .sort(),
    ).toEqual(["carebow/prod/jwt-secret", "carebow/prod/openai-api-key", "carebow/prod/stripe-secret-key"]);
    expect(resourcesOfType(prod, "aws_secretsmanager_secret_version")).toEqual([]);
  });

  it("R2 ecs-hipaa: the API on Fargate, 512 CPU / 1024 MiB, 2 tasks, /healthz behind HTTPS, the reports bucket and the PHI key", () => {
    const prod = synthesize("ecs-hipaa.json").tf("carebow-prod-app");
    expect(onlyResource(prod, "aws_ecs_task_definition")).toMatchObject({ cpu: "512", memory: "1024" });
    expect(onlyResource(prod, "aws_ecs_service")).toMatchObject({ desired_count: 2 });
    expect(onlyResource(prod, "aws_lb_target_group").health_check.path).toBe("/healthz");
    expect(onlyResource(prod, "aws_ecr_repository").name).toBe("carebow-prod-api");
    const [c] = JSON.parse(onlyResource(prod, "aws_ecs_task_definition").container_definitions);
    expect(c.secrets.map((x: any) => x.name)).toEqual(["JWT_SECRET", "OPENAI_API_KEY", "STRIPE_SECRET_KEY"]);
    const task = resourcesOfType(prod, "aws_iam_role_policy").find((p) => p.name === "carebow-prod-api-task-policy")!;
    expect(task.policy).toContain("DataBucket-reports");
    expect(task.policy).toContain("Key-phi-fields");
  });

  it("R3 apprunner-aurora: a cost budget with alert thresholds per environment", () => {
    const { tf } = synthesize("apprunner-aurora.json");
    const budget = resourcesOfType(tf("periodtracker-dev-app"), "aws_budgets_budget")[0];
    expect(budget.limit_amount).toBe("100.00");
    expect(budget.notification.map((n: any) => n.threshold)).toEqual([50, 80, 100, 100]);
  });

  it("R3 apprunner-aurora: two App Runner services (CMS on 5000, API on 3000) from two repositories, with the guide's variables and secrets", () => {
    const { tf, reports } = synthesize("apprunner-aurora.json");
    for (const r of reports) expect(blocking(r)).toEqual([]);
    for (const env of ["dev", "staging", "prod"]) {
      const app = tf(`periodtracker-${env}-app`);
      const services = resourcesOfType(app, "aws_apprunner_service");
      expect(services.map((x) => x.service_name).sort()).toEqual([`periodtracker-${env}-api`, `periodtracker-${env}-cms`]);
      expect(
        resourcesOfType(app, "aws_ecr_repository")
          .map((r) => r.name)
          .sort(),
      ).toEqual([`periodtracker-${env}-api`, `periodtracker-${env}-cms`]);
      for (const [name, port] of [
        ["cms", "5000"],
        ["api", "3000"],
      ]) {
        const svc = services.find((x) => x.service_name === `periodtracker-${env}-${name}`)!;
        const image = svc.source_configuration.image_repository;
        expect(image.image_identifier).toMatch(
          new RegExp(`^\\$\\{aws_ecr_repository\\.ComputeTier_Repository-${name}_\\w+\\.repository_url\\}:1\\.0\\.0$`),
        );
        const config = image.image_configuration;
        expect(config.port).toBe(port);
        expect(config.runtime_environment_variables).toMatchObject({
          NODE_ENV: "production",
          DATABASE_HOST: expect.stringMatching(/^\$\{aws_rds_cluster\.DataTier_Cluster_\w+\.endpoint\}$/),
          DATABASE_NAME: "periodtracker",
          DATABASE_USERNAME: name,
          DATABASE_SCHEMA: "periodtracker",
        });
        expect(Object.keys(config.runtime_environment_secrets)).toEqual(["PASSPORT_SECRET"]);
        expect(referenced(app, config.runtime_environment_secrets.PASSPORT_SECRET).name).toBe(`periodtracker/${env}/passport-secret`);
        // No password anywhere in the plain variables: IAM authentication replaces DATABASE_PASSWORD.
        expect(Object.keys(config.runtime_environment_variables).filter((k) => /PASSWORD|SECRET/.test(k))).toEqual([]);
        expect(svc.auto_scaling_configuration_arn).toMatch(new RegExp(`ComputeTier_AppRunner-${name}_AutoScaling`));
      }
    }
  });

  it("R4 ecs-cdn-hipaa: one JSON secret, failed-login alarms, 7-year audit logs, documents copied to a second region", () => {
    const prod = synthesize("ecs-cdn-hipaa.json").tf("mediflow-prod-app");
    // The app's one secret; the cache's generated AUTH token keeps its own.
    expect(
      resourcesOfType(prod, "aws_secretsmanager_secret")
        .map((x) => x.name)
        .sort(),
    ).toEqual(["mediflow/prod/app", "mediflow/prod/cache-auth-token"]);
    const appAlarms = resourcesOfType(prod, "aws_cloudwatch_metric_alarm")
      .map((a) => a.alarm_name)
      .filter((a) => !a.includes("-cis-") && !a.includes("-cache-") && !a.includes("-api-"));
    expect(appAlarms.sort()).toEqual([
      "mediflow-prod-db-connections-critical",
      "mediflow-prod-db-connections-warning",
      "mediflow-prod-db-cpu-critical",
      "mediflow-prod-db-cpu-warning",
      "mediflow-prod-db-free-storage-critical",
      "mediflow-prod-db-free-storage-warning",
      "mediflow-prod-db-freeable-memory-critical",
      "mediflow-prod-db-freeable-memory-warning",
      "mediflow-prod-documents-replication-failures-critical",
      "mediflow-prod-documents-replication-failures-warning",
      "mediflow-prod-failed-logins-critical",
      "mediflow-prod-failed-logins-warning",
    ]);
    expect(
      resourcesOfType(prod, "aws_cloudwatch_log_group").find((g) => g.name === "/aws/cloudtrail/mediflow-prod")!.retention_in_days,
    ).toBe(2557);
    expect(
      resourcesOfType(prod, "aws_s3_bucket")
        .filter((b) => b.region === "us-west-2")
        .map((b) => b.bucket)
        .sort(),
    ).toEqual(["mediflow-prod-documents-333333333333-replica", "mediflow-prod-dr-access-logs-333333333333"]);
  });

  it("R5 ecs-mysql-dr: the guide's state names, four buckets to Glacier after 90 days, replicated to us-west-2 in prod", () => {
    const { tf } = synthesize("ecs-mysql-dr.json");
    const bootstrap = tf("omniportal-prod-bootstrap");
    expect(resourcesOfType(bootstrap, "aws_s3_bucket").map((b) => b.bucket)).toContain("omniportal-terraform-state-prod");
    expect(resourcesOfType(bootstrap, "aws_dynamodb_table")[0].name).toBe("omniportal-terraform-locks-prod");
    const prod = tf("omniportal-prod-app");
    expect(prod.terraform!.backend.s3.key).toBe("omniportal-prod/infrastructure/terraform.tfstate");
    expect(resourcesOfType(prod, "aws_s3_bucket_replication_configuration")).toHaveLength(4);
    const glacier = resourcesOfType(prod, "aws_s3_bucket_lifecycle_configuration").filter((l) => l.rule[0].transition);
    expect(glacier.length).toBe(8); // 4 buckets + 4 replicas
    expect(resourcesOfType(tf("omniportal-dev-app"), "aws_s3_bucket_replication_configuration")).toEqual([]);
  });
  describe("databases", () => {
    /** The primary instance (the one that replicates from nothing); exactly one per stack. */
    const db = (tf: TfJson) => {
      const primaries = resourcesOfType(tf, "aws_db_instance").filter((d) => !d.replicate_source_db);
      expect(primaries).toHaveLength(1);
      return primaries[0];
    };

    it("R1 apprunner-eu: PostgreSQL 16, 35 days of backups everywhere, the guide's sizes, Multi-AZ in staging and prod", () => {
      const { tf } = synthesize("apprunner-eu.json");
      const byEnv = (env: string) => db(tf(`orthosense-${env}-app`));
      expect(byEnv("dev")).toMatchObject({
        engine: "postgres",
        engine_version: "16",
        db_name: "orthosense",
        instance_class: "db.t4g.micro",
        multi_az: false,
        backup_retention_period: 35,
      });
      expect(byEnv("staging")).toMatchObject({ instance_class: "db.t4g.small", multi_az: true, backup_retention_period: 35 });
      expect(byEnv("prod")).toMatchObject({
        instance_class: "db.t4g.medium",
        multi_az: true,
        backup_retention_period: 35,
        performance_insights_enabled: true,
      });
      expect(byEnv("prod").enabled_cloudwatch_logs_exports).toEqual(["postgresql", "upgrade"]);
    });

    it("R2 ecs-hipaa: PostgreSQL 16 on db.t4g.medium, 50 GB, 7-day backups, Multi-AZ in every environment", () => {
      const { tf } = synthesize("ecs-hipaa.json");
      for (const env of ["dev", "staging", "prod"]) {
        expect(db(tf(`carebow-${env}-app`))).toMatchObject({
          engine_version: "16",
          instance_class: "db.t4g.medium",
          allocated_storage: 50,
          backup_retention_period: 7,
          multi_az: true,
          storage_encrypted: true,
        });
      }
    });

    it("R3 apprunner-aurora: Aurora PostgreSQL named after the app, 7-day backups, a reader in another AZ in staging and prod, Performance Insights, backups copied to ap-south-2 in prod", () => {
      const { tf, reports } = synthesize("apprunner-aurora.json");
      for (const env of ["dev", "staging", "prod"]) {
        const app = tf(`periodtracker-${env}-app`);
        expect(onlyResource(app, "aws_rds_cluster")).toMatchObject({
          engine: "aurora-postgresql",
          database_name: "periodtracker",
          backup_retention_period: 7,
          storage_encrypted: true,
        });
        const instances = resourcesOfType(app, "aws_rds_cluster_instance");
        expect(instances).toHaveLength(env === "dev" ? 1 : 2);
        for (const i of instances) expect(i.performance_insights_enabled).toBe(true);
        const copies = onlyResource(app, "aws_backup_plan").rule[0].copy_action;
        expect(copies ? copies.map((c: any) => referenced(app, c.destination_vault_arn).region) : []).toEqual(
          env === "prod" ? ["ap-south-2"] : [],
        );
        expect(resourcesOfType(app, "aws_db_instance")).toEqual([]);
      }
      const residency = reports.flatMap((r) => r.findings.filter((f) => f.ruleId === "PRJ_DATA_RESIDENCY"));
      expect(residency.every((f) => f.status === "passed")).toBe(true);
      // PASSPORT_SECRET only: DATABASE_PASSWORD is the cluster's managed master secret.
      expect(resourcesOfType(tf("periodtracker-prod-app"), "aws_secretsmanager_secret").map((x) => x.name)).toEqual([
        "periodtracker/prod/passport-secret",
      ]);
    });

    it("R4 ecs-cdn-hipaa: PostgreSQL Multi-AZ with 30-day backups and TLS forced, backups copied to us-west-2 in prod (RPO 1 h)", () => {
      const { tf } = synthesize("ecs-cdn-hipaa.json");
      const prod = tf("mediflow-prod-app");
      expect(db(prod)).toMatchObject({ multi_az: true, backup_retention_period: 30 });
      const params = referenced(prod, db(prod).parameter_group_name).parameter;
      expect(params).toContainEqual(expect.objectContaining({ name: "rds.force_ssl", value: "1" }));
      // Transaction logs replicate within minutes: point-in-time recovery in the DR region meets the guide's 1 h.
      const copy = onlyResource(prod, "aws_db_instance_automated_backups_replication");
      expect(copy).toMatchObject({ region: "us-west-2", retention_period: 30 });
      expect(referenced(prod, copy.kms_key_id).region).toBe("us-west-2");
      expect(resourcesOfType(tf("mediflow-dev-app"), "aws_db_instance_automated_backups_replication")).toEqual([]);
    });

    it("R5 ecs-mysql-dr: MySQL 8.0 with require_secure_transport, IAM auth and the audit plugin; db.t3.medium in dev, db.r6g.xlarge with 30 days in prod", () => {
      const { tf } = synthesize("ecs-mysql-dr.json");
      const prod = db(tf("omniportal-prod-app"));
      expect(prod).toMatchObject({
        engine: "mysql",
        engine_version: "8.0",
        engine_lifecycle_support: "open-source-rds-extended-support",
        instance_class: "db.r6g.xlarge",
        multi_az: true,
        backup_retention_period: 30,
        iam_database_authentication_enabled: true,
      });
      expect(referenced(tf("omniportal-prod-app"), prod.parameter_group_name).parameter).toContainEqual(
        expect.objectContaining({ name: "require_secure_transport", value: "1" }),
      );
      expect(db(tf("omniportal-dev-app"))).toMatchObject({ instance_class: "db.t3.medium", performance_insights_enabled: true });
    });

    it("R5 ecs-mysql-dr: a read replica and backups replicated to us-west-2 in prod only, the password generated there", () => {
      const { tf } = synthesize("ecs-mysql-dr.json");
      const prod = tf("omniportal-prod-app");
      const replicas = resourcesOfType(prod, "aws_db_instance").filter((d) => d.replicate_source_db);
      expect(replicas.map((r) => [r.identifier, r.instance_class])).toEqual([["omniportal-prod-db-replica-1", "db.r6g.xlarge"]]);
      const copy = onlyResource(prod, "aws_db_instance_automated_backups_replication");
      expect(copy).toMatchObject({ region: "us-west-2", retention_period: 30 });
      expect(referenced(prod, copy.kms_key_id).region).toBe("us-west-2");
      expect(db(prod).manage_master_user_password).toBeUndefined();
      for (const env of ["dev", "staging"]) {
        const other = tf(`omniportal-${env}-app`);
        expect(resourcesOfType(other, "aws_db_instance")).toHaveLength(1);
        expect(resourcesOfType(other, "aws_db_instance_automated_backups_replication")).toEqual([]);
        expect(db(other).manage_master_user_password).toBe(true);
      }
    });

    it("R5 ecs-mysql-dr: synth warns once per environment that MySQL 8.0 bills Extended Support, naming 8.4", async () => {
      const { synthesizeApp } = require("../stacks/synthesize") as typeof import("../stacks/synthesize");
      const { warnings } = await synthesizeApp(loadSpecFile(join(dir, "ecs-mysql-dr.json")), mkdtempSync(join(tmpdir(), "ex-")), {
        hcl: false,
      });
      const engine = warnings.filter((w) => w.includes("Extended Support"));
      expect(engine).toHaveLength(3);
      expect(engine[2]).toBe(
        "warning: omniportal-prod-app: RDS for mysql 8.0 left standard support on 2026-07-31 and bills Extended Support " +
          '(engine_lifecycle_support = open-source-rds-extended-support); upgrade to 8.4 (database.version "8.4") after testing the app on it.',
      );
    });
  });
  describe("caches", () => {
    const cache = (tf: TfJson) => onlyResource(tf, "aws_elasticache_replication_group");
    const secure = { transit_encryption_enabled: true, transit_encryption_mode: "required", at_rest_encryption_enabled: "true" };

    it("R1 apprunner-eu: Redis 7 with TLS and AUTH, cache.t4g.micro / small, two nodes in prod, memory alarms at 70 / 80 %", () => {
      const { tf } = synthesize("apprunner-eu.json");
      const byEnv = (env: string) => cache(tf(`orthosense-${env}-app`));
      expect(byEnv("dev")).toMatchObject({
        ...secure,
        engine: "redis",
        engine_version: "7.1",
        node_type: "cache.t4g.micro",
        num_cache_clusters: 1,
      });
      expect(byEnv("staging")).toMatchObject({ node_type: "cache.t4g.small", num_cache_clusters: 1 });
      expect(byEnv("prod")).toMatchObject({ num_cache_clusters: 2, automatic_failover_enabled: true, multi_az_enabled: true });
      expect(byEnv("prod").auth_token).toMatch(/^\$\{random_password\./);
      const memory = resourcesOfType(tf("orthosense-prod-app"), "aws_cloudwatch_metric_alarm").filter(
        (a) => a.metric_name === "DatabaseMemoryUsagePercentage",
      );
      expect(memory.map((a) => a.threshold).sort()).toEqual([70, 70, 80, 80]);
      const secrets = resourcesOfType(tf("orthosense-prod-app"), "aws_secretsmanager_secret")
        .map((x) => x.name)
        .sort();
      expect(secrets).toEqual(["orthosense/prod/cache-auth-token", "orthosense/prod/secret-key"]);
    });

    it("R4 ecs-cdn-hipaa: Redis encrypted in transit and at rest with automatic failover in every environment, maintenance on Sunday", () => {
      const { tf } = synthesize("ecs-cdn-hipaa.json");
      for (const env of ["dev", "staging", "prod"]) {
        const group = cache(tf(`mediflow-${env}-app`));
        expect(group).toMatchObject({ ...secure, num_cache_clusters: 2, automatic_failover_enabled: true, multi_az_enabled: true });
        expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\.DataKey_\w+\.arn\}$/);
        expect(group.maintenance_window).toMatch(/^sun:/);
      }
    });

    it("R5 ecs-mysql-dr: Multi-AZ Redis over TLS with daily snapshots kept 7 days in prod; cache.t3.small in dev, cache.r6g.large in prod", () => {
      const { tf } = synthesize("ecs-mysql-dr.json");
      const prod = cache(tf("omniportal-prod-app"));
      expect(prod).toMatchObject({
        ...secure,
        node_type: "cache.r6g.large",
        multi_az_enabled: true,
        automatic_failover_enabled: true,
        snapshot_retention_limit: 7,
        snapshot_window: "02:00-03:00",
      });
      expect(prod.lifecycle.prevent_destroy).toBe(true);
      expect(cache(tf("omniportal-dev-app"))).toMatchObject({ ...secure, node_type: "cache.t3.small", num_cache_clusters: 1 });
    });
  });
});
