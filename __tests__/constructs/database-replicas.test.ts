/**
 * Read replicas and disaster recovery of the relational database, on the synthesized JSON:
 * replicas in the region with the primary's TLS, audit and monitoring, the generated master
 * password they require, automated backups replicated to the DR region under the DR key,
 * and the replica-lag alarms.
 */
import { App, TerraformOutput } from "cdktf";
import { resolve } from "../../config/resolve";
import { ServiceRole } from "../../constructs/service-role";
import { evaluateStack } from "../../guardrails/enforce";
import { AppStack } from "../../stacks/app-stack";
import { addressOf, appStackTf, baseSpec, onlyResource, referenced, resourcesOfType, synthStack, validSpec, type TfJson } from "../helpers";
import type { AppSpec, EnvironmentName } from "../../config/schema";

/** A database with `replicas` read replicas in prod and staging, backups replicated in prod. */
function spec(engine: "postgres" | "mysql", replicas = 2): AppSpec {
  const s = baseSpec();
  s.buckets = [];
  s.drRegion = "eu-west-1";
  s.database = { engine, version: engine === "postgres" ? "16" : "8.4", replicateIn: ["prod"] };
  s.environments.staging!.overrides = { database: { readReplicas: replicas } };
  s.environments.prod!.overrides = { database: { readReplicas: replicas, instanceClass: "db.r7g.large" } };
  return validSpec(s);
}
const primaryOf = (tf: TfJson) => resourcesOfType(tf, "aws_db_instance").find((d) => !d.replicate_source_db)!;
const replicasOf = (tf: TfJson) => resourcesOfType(tf, "aws_db_instance").filter((d) => d.replicate_source_db);
const tfOf = (engine: "postgres" | "mysql", env: EnvironmentName) => appStackTf(spec(engine), env);

describe("Database read replicas", () => {
  it.each(["postgres", "mysql"] as const)("%s: replicas of the primary with its TLS, audit, IAM auth and monitoring", (engine) => {
    const tf = tfOf(engine, "prod");
    const primary = primaryOf(tf);
    const replicas = replicasOf(tf);
    expect(replicas.map((r) => r.identifier)).toEqual(["demo-prod-db-replica-1", "demo-prod-db-replica-2"]);
    for (const r of replicas) {
      expect(r.replicate_source_db).toMatch(/^\$\{aws_db_instance\.DataTier_Database_Instance_\w+\.identifier\}$/);
      for (const attr of [
        "parameter_group_name",
        "option_group_name",
        "vpc_security_group_ids",
        "db_subnet_group_name",
        "monitoring_role_arn",
        "instance_class",
        "engine",
        "engine_version",
        "enabled_cloudwatch_logs_exports",
        "performance_insights_kms_key_id",
      ]) {
        expect([attr, r[attr]]).toEqual([attr, primary[attr]]);
      }
      expect(r).toMatchObject({
        publicly_accessible: false,
        storage_encrypted: true,
        iam_database_authentication_enabled: true,
        auto_minor_version_upgrade: true,
        performance_insights_enabled: true,
        monitoring_interval: 60,
        multi_az: false,
        skip_final_snapshot: true,
        deletion_protection: true,
      });
      expect(r.lifecycle.prevent_destroy).toBe(true);
      // A same-region replica takes the source's key and credentials; giving them is an error.
      for (const attr of ["kms_key_id", "password", "username", "backup_retention_period"])
        expect([attr, r[attr]]).toEqual([attr, undefined]);
    }
  });

  it.each(["postgres", "mysql"] as const)("%s: each replica exports into its own pre-created log groups under the data key", (engine) => {
    const tf = tfOf(engine, "prod");
    const exports = primaryOf(tf).enabled_cloudwatch_logs_exports as string[];
    const groups = resourcesOfType(tf, "aws_cloudwatch_log_group").filter((g) =>
      g.name.startsWith("/aws/rds/instance/demo-prod-db-replica-2/"),
    );
    expect(groups.map((g) => g.name)).toEqual(exports.map((e) => `/aws/rds/instance/demo-prod-db-replica-2/${e}`));
    for (const g of groups) expect(g).toMatchObject({ kms_key_id: primaryOf(tf).kms_key_id, retention_in_days: 2557 });
    const replica = replicasOf(tf).find((r) => r.identifier === "demo-prod-db-replica-2")!;
    expect(replica.depends_on.filter((d: string) => d.includes("Replica2_LogGroup"))).toHaveLength(exports.length);
  });

  it("replicas need a generated master password, kept in a secret under the data key", () => {
    const tf = tfOf("mysql", "prod");
    const primary = primaryOf(tf);
    expect(primary.manage_master_user_password).toBeUndefined();
    expect(primary.master_user_secret_kms_key_id).toBeUndefined();
    const password = referenced(tf, primary.password);
    expect(password).toMatchObject({ length: 32, special: false });
    const secret = resourcesOfType(tf, "aws_secretsmanager_secret").find((s) => s.name === "demo/prod/database-master")!;
    expect(secret.kms_key_id).toBe(primary.kms_key_id);
    expect(secret.recovery_window_in_days).toBe(30);
    const version = resourcesOfType(tf, "aws_secretsmanager_secret_version").find((v) =>
      JSON.stringify(v.secret_id).includes("MasterSecret"),
    )!;
    expect(version.secret_string).toContain('"username" = "dbadmin"');
    expect(version.secret_string).toContain(`"password" = ${primary.password.slice(2, -1)}`);
  });

  it("connection settings take DATABASE_PASSWORD from the generated secret's password key", () => {
    const stack = new AppStack(new App(), resolve(spec("postgres"), "prod"));
    const db = stack.data.database!;
    const ref = db.connection.secrets.DATABASE_PASSWORD;
    expect(ref).toEqual({ secretArn: db.masterSecretArn, jsonKey: "password" });
    new TerraformOutput(stack, "PasswordSecret", { value: ref.secretArn });
    expect(synthStack(stack).output!.PasswordSecret.value).toMatch(
      /^\$\{aws_secretsmanager_secret\.DataTier_Database_MasterSecret_\w+\.arn\}$/,
    );
    expect(db.connection.values.DATABASE_USERNAME).toBe("dbadmin");
  });

  it("without replicas RDS keeps managing the password (dev), and no replica-lag alarm exists", () => {
    const tf = tfOf("postgres", "dev");
    expect(replicasOf(tf)).toEqual([]);
    expect(primaryOf(tf)).toMatchObject({ manage_master_user_password: true });
    expect(resourcesOfType(tf, "random_password")).toEqual([]);
    expect(resourcesOfType(tf, "aws_cloudwatch_metric_alarm").filter((a) => a.metric_name === "ReplicaLag")).toEqual([]);
  });

  it("a replica-lag alarm pair per replica, with the preset's thresholds", () => {
    const alarms = resourcesOfType(tfOf("postgres", "prod"), "aws_cloudwatch_metric_alarm").filter((a) => a.metric_name === "ReplicaLag");
    const rows = alarms.map((a) => [a.alarm_name, a.threshold, a.dimensions.DBInstanceIdentifier]);
    expect(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["demo-prod-db-replica-1-lag-critical", 300, expect.stringMatching(/Replica1_Instance_\w+\.identifier\}$/)],
      ["demo-prod-db-replica-1-lag-warning", 60, expect.stringMatching(/Replica1_Instance_\w+\.identifier\}$/)],
      ["demo-prod-db-replica-2-lag-critical", 300, expect.stringMatching(/Replica2_Instance_\w+\.identifier\}$/)],
      ["demo-prod-db-replica-2-lag-warning", 60, expect.stringMatching(/Replica2_Instance_\w+\.identifier\}$/)],
    ]);
  });

  it("grantConnect covers the primary and every replica", () => {
    const stack = new AppStack(new App(), resolve(spec("postgres"), "prod"));
    const role = new ServiceRole(stack, "TaskRole-api", {
      roleName: "demo-prod-api-task",
      service: "ecs-tasks.amazonaws.com",
      sourceAccountId: "333333333333",
      description: "API task",
    });
    stack.data.database!.grantConnect(role, "app_user");
    const policy = JSON.parse(
      resourcesOfType(synthStack(stack), "aws_iam_role_policy").find((p) => p.name === "demo-prod-api-task-policy")!.policy,
    );
    expect(policy.Statement[0].Resource).toEqual([
      expect.stringMatching(/dbuser:\$\{aws_db_instance\.DataTier_Database_Instance_\w+\.resource_id\}\/app_user$/),
      expect.stringMatching(/dbuser:\$\{aws_db_instance\.DataTier_Database_Replica1_Instance_\w+\.resource_id\}\/app_user$/),
      expect.stringMatching(/dbuser:\$\{aws_db_instance\.DataTier_Database_Replica2_Instance_\w+\.resource_id\}\/app_user$/),
    ]);
    expect(stack.data.database!.replicaEndpointAddresses).toHaveLength(2);
  });

  it.each(["staging", "prod"] as const)("%s: passes every guardrail, the replicas' single AZ justified", (env) => {
    for (const engine of ["postgres", "mysql"] as const) {
      const stack = new AppStack(new App(), resolve(spec(engine), env));
      synthStack(stack);
      const findings = evaluateStack({ stack }).findings.filter((f) =>
        /^aws_db_instance|^aws_secretsmanager|^random_password/.test(f.address),
      );
      expect(findings.filter((f) => f.status === "failed" || f.status === "unknown")).toEqual([]);
      const replicaSuppressed = findings.filter((f) => f.status === "suppressed" && f.address.includes("Replica")).map((f) => f.ruleId);
      const insights = engine === "mysql" && env === "staging" ? ["AWS-0133"] : []; // no Performance Insights on its class
      expect(new Set(replicaSuppressed)).toEqual(
        new Set([...insights, ...(env === "prod" ? ["CKV_AWS_157"] : ["CKV_AWS_157", "CKV_AWS_293"])]),
      );
    }
  });
});

describe("Database disaster recovery", () => {
  it.each(["postgres", "mysql"] as const)(
    "%s prod: automated backups replicated to the DR region under the DR key, kept as long",
    (engine) => {
      const tf = tfOf(engine, "prod");
      const replication = resourcesOfType(tf, "aws_db_instance_automated_backups_replication");
      expect(replication).toHaveLength(1);
      expect(replication[0]).toMatchObject({ region: "eu-west-1", retention_period: 35 });
      expect(replication[0].source_db_instance_arn).toMatch(/^\$\{aws_db_instance\.DataTier_Database_Instance_\w+\.arn\}$/);
      const key = referenced(tf, replication[0].kms_key_id);
      expect(key.region).toBe("eu-west-1");
      const alias = resourcesOfType(tf, "aws_kms_alias").find((a) => a.name === "alias/demo-prod-dr")!;
      expect(alias.target_key_id).toBe(replication[0].kms_key_id.replace(".arn}", ".key_id}"));
      expect(replication[0].lifecycle.prevent_destroy).toBe(true);
    },
  );

  it("starts the DR copy only after the replicas: one operation at a time on a new primary", () => {
    const tf = tfOf("mysql", "prod");
    const replication = onlyResource(tf, "aws_db_instance_automated_backups_replication");
    const replicas = replicasOf(tf).map((r) => addressOf(tf, r));
    expect(replicas.length).toBeGreaterThan(0);
    expect(replication.depends_on).toEqual(expect.arrayContaining(replicas));
  });

  it("no DR copy where the environment does not replicate (staging), and no DR key either", () => {
    const tf = tfOf("postgres", "staging");
    expect(resourcesOfType(tf, "aws_db_instance_automated_backups_replication")).toEqual([]);
    expect(resourcesOfType(tf, "aws_kms_alias").map((a) => a.name)).not.toContain("alias/demo-staging-dr");
  });

  it("shares the DR key with bucket replicas, and keeps every DR resource inside allowedRegions", () => {
    const s = spec("mysql");
    s.buckets = [{ name: "uploads", replicateIn: ["prod"] }];
    const stack = new AppStack(new App(), resolve(validSpec(s), "prod"));
    const tf = synthStack(stack);
    expect(resourcesOfType(tf, "aws_kms_key").filter((k) => k.region === "eu-west-1")).toHaveLength(1);
    const residency = evaluateStack({ stack }).findings.filter((f) => f.ruleId === "PRJ_DATA_RESIDENCY" && f.status !== "passed");
    expect(residency).toEqual([]);
  });

  it("backups retention follows an override on the replication too", () => {
    const s = spec("postgres", 0);
    s.environments.prod!.overrides = { database: { backupRetentionDays: 30 } };
    const tf = appStackTf(s, "prod");
    expect(resourcesOfType(tf, "aws_db_instance_automated_backups_replication")[0].retention_period).toBe(30);
    expect(primaryOf(tf).manage_master_user_password).toBe(true); // backup replication alone keeps the managed password
  });
});
