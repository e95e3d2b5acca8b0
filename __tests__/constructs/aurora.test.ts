/**
 * The Aurora PostgreSQL cluster on the synthesized JSON, per environment: placement, TLS
 * and audit logging, encryption, IAM auth, managed master password, instances with
 * Performance Insights and monitoring, protection, AWS Backup (copied to the DR region in
 * prod), alarms, guardrails, and the handles the compute tier will use.
 */
import { App, TerraformOutput } from "cdktf";
import { resolve } from "../../config/resolve";
import { validateSpec } from "../../config/validate";
import { POSTGRES_PARAMETERS } from "../../constructs/rds-common";
import { ServiceRole } from "../../constructs/service-role";
import { evaluateStack } from "../../guardrails/enforce";
import { AppStack } from "../../stacks/app-stack";
import {
  appStackTf,
  baseSpec,
  expectClosedInDataSubnets,
  onlyResource,
  referenced,
  resourcesOfType,
  synthStack,
  validSpec,
  type TfJson,
} from "../helpers";
import type { AppSpec, EnvironmentName } from "../../config/schema";

/** Aurora PostgreSQL 16, backups copied to eu-west-1 in prod. */
function auroraSpec(edit: (s: AppSpec) => void = () => undefined): AppSpec {
  const s = baseSpec();
  s.buckets = [];
  s.drRegion = "eu-west-1";
  s.database = { engine: "aurora-postgresql", version: "16", replicateIn: ["prod"] };
  edit(s);
  return validSpec(s);
}
const spec = auroraSpec();
const stacks = new Map<EnvironmentName, { stack: AppStack; tf: TfJson }>();
const built = (env: EnvironmentName) => {
  if (!stacks.has(env)) {
    const stack = new AppStack(new App(), resolve(spec, env));
    stacks.set(env, { stack, tf: synthStack(stack) });
  }
  return stacks.get(env)!;
};

const clusterOf = (tf: TfJson) => onlyResource(tf, "aws_rds_cluster");
const instancesOf = (tf: TfJson) => resourcesOfType(tf, "aws_rds_cluster_instance");
const dataKeyOf = (tf: TfJson) => `\${aws_kms_key.${Object.keys(tf.resource!.aws_kms_key).find((k) => k.startsWith("DataKey_"))}.arn}`;

describe("AuroraCluster", () => {
  it("prod: in the data subnets, reachable from no one until allowFrom, no instance public", () => {
    const { tf } = built("prod");
    const cluster = clusterOf(tf);
    expectClosedInDataSubnets(tf, cluster.db_subnet_group_name, cluster.vpc_security_group_ids[0]);
    for (const i of instancesOf(tf))
      expect(i).toMatchObject({ publicly_accessible: false, db_subnet_group_name: cluster.db_subnet_group_name });
    expect(cluster.port).toBe(5432);
  });

  it("creates readers after instance 1, so the writer is instance 1", () => {
    const { tf } = built("prod");
    const byId = Object.entries(tf.resource!.aws_rds_cluster_instance);
    const first = byId.find(([id]) => id.includes("Instance1"))!;
    const readers = byId.filter(([id]) => !id.includes("Instance1"));
    expect(readers.length).toBeGreaterThan(0);
    expect(first[1].depends_on.some((d: string) => d.startsWith("aws_rds_cluster_instance."))).toBe(false);
    for (const [, r] of readers) expect(r.depends_on).toContain(`aws_rds_cluster_instance.${first[0]}`);
  });

  it("TLS forced and connections, DDL, slow statements and errors logged by the cluster parameter group", () => {
    const { tf } = built("prod");
    const group = referenced(tf, clusterOf(tf).db_cluster_parameter_group_name);
    expect(group.family).toBe("aurora-postgresql16");
    // The RDS instance's list (its test pins every value), applied at the next reboot.
    expect(group.parameter).toEqual(POSTGRES_PARAMETERS.map((p) => ({ ...p, apply_method: "pending-reboot" })));
    expect(group.parameter).toContainEqual(expect.objectContaining({ name: "rds.force_ssl", value: "1" }));
    expect(group.parameter).toContainEqual(expect.objectContaining({ name: "log_statement", value: "ddl" }));
  });

  it("the PostgreSQL log goes to a pre-created log group under the data key, kept the audit retention", () => {
    const { tf } = built("prod");
    const cluster = clusterOf(tf);
    expect(cluster.enabled_cloudwatch_logs_exports).toEqual(["postgresql"]);
    const groups = Object.entries(tf.resource!.aws_cloudwatch_log_group)
      .filter(([k]) => k.includes("DataTier_Cluster"))
      .map(([, g]) => g);
    expect(groups).toEqual([
      expect.objectContaining({ name: "/aws/rds/cluster/demo-prod-db/postgresql", kms_key_id: dataKeyOf(tf), retention_in_days: 2557 }),
    ]);
    expect(cluster.depends_on).toEqual([expect.stringMatching(/^aws_cloudwatch_log_group\.DataTier_Cluster_LogGroup-postgresql_/)]);
  });

  it("storage and master secret under the data key, IAM auth, the password managed by Aurora, no backtrack", () => {
    const { tf } = built("prod");
    const key = dataKeyOf(tf);
    expect(clusterOf(tf)).toMatchObject({
      engine: "aurora-postgresql",
      engine_version: "16",
      engine_lifecycle_support: "open-source-rds-extended-support",
      database_name: "demo",
      master_username: "dbadmin",
      storage_encrypted: true,
      kms_key_id: key,
      manage_master_user_password: true,
      master_user_secret_kms_key_id: key,
      iam_database_authentication_enabled: true,
      copy_tags_to_snapshot: true,
    });
    expect(clusterOf(tf).master_password).toBeUndefined();
    expect(clusterOf(tf).backtrack_window).toBeUndefined();
  });

  it.each([
    ["dev", 7, ["db.t4g.medium"]],
    ["staging", 14, ["db.t4g.medium", "db.t4g.medium"]],
    ["prod", 35, ["db.r7g.large", "db.r7g.large"]],
  ] as const)(
    "%s: %d days of backups, a writer and the preset's readers, each with Performance Insights and monitoring",
    (env, days, classes) => {
      const { tf } = built(env);
      expect(clusterOf(tf)).toMatchObject({
        backup_retention_period: days,
        preferred_backup_window: "03:00-04:00",
        preferred_maintenance_window: "sun:04:30-sun:05:30",
      });
      const instances = instancesOf(tf);
      expect(instances.map((i) => [i.identifier, i.instance_class, i.promotion_tier])).toEqual(
        classes.map((c, n) => [`demo-${env}-db-${n + 1}`, c, n === 0 ? 0 : 1]),
      );
      for (const i of instances) {
        expect(i).toMatchObject({
          engine: "aurora-postgresql",
          performance_insights_enabled: true,
          performance_insights_kms_key_id: dataKeyOf(tf),
          performance_insights_retention_period: 7,
          monitoring_interval: 60,
          auto_minor_version_upgrade: true,
          copy_tags_to_snapshot: true,
          ca_cert_identifier: "rds-ca-rsa2048-g1",
        });
        expect(referenced(tf, i.monitoring_role_arn).name).toBe(`demo-${env}-db-monitoring`);
      }
    },
  );

  it("protection follows the preset: prod deletion protection, final snapshot and prevent_destroy; dev neither", () => {
    expect(clusterOf(built("prod").tf)).toMatchObject({
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: "demo-prod-db-final",
      lifecycle: { prevent_destroy: true },
    });
    expect(clusterOf(built("dev").tf)).toMatchObject({
      deletion_protection: false,
      skip_final_snapshot: true,
      lifecycle: { prevent_destroy: false },
    });
    expect(clusterOf(built("dev").tf).final_snapshot_identifier).toBeUndefined();
  });

  const backupTitle =
    "AWS Backup: a daily plan into a vault under the data key, kept as long as Aurora's backups; " + "prod copies to DR under the DR key";
  it(backupTitle, () => {
    const { tf } = built("prod");
    const vaults = resourcesOfType(tf, "aws_backup_vault");
    const local = vaults.find((v) => !v.region)!;
    const copy = vaults.find((v) => v.region)!;
    expect(local).toMatchObject({ name: "demo-prod-db-backups", kms_key_arn: dataKeyOf(tf), lifecycle: { prevent_destroy: true } });
    expect(copy).toMatchObject({ name: "demo-prod-db-backups", region: "eu-west-1" });
    expect(referenced(tf, copy.kms_key_arn)).toMatchObject({ region: "eu-west-1" });
    const [rule] = onlyResource(tf, "aws_backup_plan").rule;
    expect(rule).toMatchObject({ schedule: "cron(0 6 ? * * *)", lifecycle: { delete_after: 35 } });
    expect(referenced(tf, rule.target_vault_name)).toBe(local);
    expect(rule.copy_action).toEqual([{ destination_vault_arn: expect.stringContaining("CopyVault"), lifecycle: { delete_after: 35 } }]);
    const selection = onlyResource(tf, "aws_backup_selection");
    expect(selection.resources).toEqual([expect.stringMatching(/^\$\{aws_rds_cluster\.DataTier_Cluster_\w+\.arn\}$/)]);
    const role = referenced(tf, selection.iam_role_arn);
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: "backup.amazonaws.com" });
    const attached = resourcesOfType(tf, "aws_iam_role_policy_attachment")
      .filter((a) => String(a.role).includes("ClusterBackup"))
      .map((a) => a.policy_arn);
    // Backup and copy only: restores run under the operator's role (README).
    expect(attached).toEqual(["arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"]);
  });

  it("dev: backups stay in the region (replicateIn is prod only)", () => {
    const { tf } = built("dev");
    expect(resourcesOfType(tf, "aws_backup_vault")).toHaveLength(1);
    expect(onlyResource(tf, "aws_backup_plan").rule[0].copy_action).toBeUndefined();
    expect(resourcesOfType(tf, "aws_kms_key").filter((k) => k.region)).toEqual([]);
  });

  it("alarms: CPU, connections, freeable memory of the writer; replica lag where readers exist", () => {
    const alarmsOf = (env: EnvironmentName) =>
      resourcesOfType(built(env).tf, "aws_cloudwatch_metric_alarm").filter((a) => a.namespace === "AWS/RDS");
    const byName = Object.fromEntries(alarmsOf("prod").map((a) => [a.alarm_name, a]));
    expect(Object.keys(byName).sort()).toEqual([
      "demo-prod-db-connections-critical",
      "demo-prod-db-connections-warning",
      "demo-prod-db-cpu-critical",
      "demo-prod-db-cpu-warning",
      "demo-prod-db-freeable-memory-critical",
      "demo-prod-db-freeable-memory-warning",
      "demo-prod-db-replica-lag-critical",
      "demo-prod-db-replica-lag-warning",
    ]);
    expect(byName["demo-prod-db-cpu-warning"]).toMatchObject({ metric_name: "CPUUtilization", threshold: 70 });
    // 5 % of db.r7g.large's 16 GiB.
    expect(byName["demo-prod-db-freeable-memory-critical"]).toMatchObject({
      metric_name: "FreeableMemory",
      threshold: Math.round(0.05 * 16 * 1024 ** 3),
      comparison_operator: "LessThanThreshold",
    });
    expect(byName["demo-prod-db-replica-lag-warning"]).toMatchObject({ metric_name: "AuroraReplicaLagMaximum", threshold: 60_000 });
    for (const a of alarmsOf("prod")) expect(a.dimensions).toEqual({ DBClusterIdentifier: "demo-prod-db", Role: "WRITER" });
    expect(alarmsOf("dev").filter((a) => a.metric_name === "AuroraReplicaLagMaximum")).toEqual([]);
  });

  it.each(["dev", "staging", "prod"] as const)(
    "%s: passes every guardrail; only dev and staging's unprotected cluster is an exception",
    (env) => {
      const { stack } = built(env);
      const findings = evaluateStack({ stack }).findings.filter(
        (f) => /^aws_(rds_cluster|backup|db_subnet)/.test(f.address) || f.address.includes("DataTier_"),
      );
      expect(findings.filter((f) => f.status === "failed" || f.status === "unknown")).toEqual([]);
      const suppressed = findings.filter((f) => f.status === "suppressed").map((f) => f.ruleId);
      expect(suppressed).toEqual(env === "prod" ? [] : ["CKV_AWS_139"]);
      expect(findings.filter((f) => f.ruleId === "CKV2_AWS_8").map((f) => f.status)).toEqual(["passed"]);
    },
  );

  it("handles: allowFrom on 5432, grantConnect on the cluster's resource id, connection settings with the reader endpoint", () => {
    const stack = new AppStack(new App(), resolve(spec, "prod"));
    const cluster = stack.data.cluster!;
    expect(stack.data.database).toBeUndefined();
    cluster.allowFrom("sg-0123456789abcdef0", "API service");
    const role = new ServiceRole(stack, "TaskRole-api", {
      roleName: "demo-prod-api-task",
      service: "ecs-tasks.amazonaws.com",
      sourceAccountId: "333333333333",
      description: "API task",
    });
    cluster.grantConnect(role, "app_user");
    const tf = synthStack(stack);
    expect(onlyResource(tf, "aws_vpc_security_group_ingress_rule")).toMatchObject({
      referenced_security_group_id: "sg-0123456789abcdef0",
      from_port: 5432,
      to_port: 5432,
      description: "API service: postgres over TLS",
    });
    const policy = JSON.parse(resourcesOfType(tf, "aws_iam_role_policy").find((p) => p.name === "demo-prod-api-task-policy")!.policy);
    expect(policy.Statement).toEqual([
      {
        Sid: "ConnectClusterAppUser",
        Effect: "Allow",
        Action: "rds-db:connect",
        Resource: expect.stringMatching(
          /^arn:aws:rds-db:eu-central-1:333333333333:dbuser:\$\{aws_rds_cluster\.DataTier_Cluster_\w+\.cluster_resource_id\}\/app_user$/,
        ),
      },
    ]);
    const { values, secrets } = cluster.connection;
    expect(values).toEqual({
      DATABASE_URL: `postgresql://${cluster.endpointAddress}:5432/demo`,
      DATABASE_HOST: cluster.endpointAddress,
      DATABASE_PORT: "5432",
      DATABASE_NAME: "demo",
      DATABASE_USERNAME: "dbadmin",
      DATABASE_READER_HOST: cluster.readerEndpointAddress,
    });
    expect(secrets).toEqual({ DATABASE_PASSWORD: { secretArn: cluster.masterSecretArn, jsonKey: "password" } });
    new TerraformOutput(stack, "PasswordSecret", { value: cluster.masterSecretArn });
    expect(synthStack(stack).output!.PasswordSecret.value).toMatch(
      /^\$\{aws_rds_cluster\.DataTier_Cluster_\w+\.master_user_secret\[0\]\.secret_arn\}$/,
    );
  });

  it("overrides: the class and the number of readers per environment", () => {
    const s = auroraSpec(
      (x) => (x.environments.prod!.overrides = { database: { auroraInstanceClass: "db.r6g.xlarge", auroraReaders: 2 } }),
    );
    const instances = resourcesOfType(appStackTf(s, "prod"), "aws_rds_cluster_instance");
    expect(instances.map((i) => [i.identifier, i.instance_class])).toEqual([
      ["demo-prod-db-1", "db.r6g.xlarge"],
      ["demo-prod-db-2", "db.r6g.xlarge"],
      ["demo-prod-db-3", "db.r6g.xlarge"],
    ]);
  });

  it("bad input: a class Aurora does not offer, RDS read replicas, Multi-AZ without a reader; each with its path", () => {
    const s = baseSpec();
    s.database = { engine: "aurora-postgresql", version: "16" };
    s.overrides = { database: { auroraInstanceClass: "db.t4g.micro" } };
    s.environments.prod!.overrides = { database: { readReplicas: 1, auroraReaders: 0 } };
    const result = validateSpec(s);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual([
      // One mistake of the spec, in every environment it reaches: one line.
      expect.stringMatching(
        /^overrides\.database\.auroraInstanceClass: dev, staging, prod: Aurora PostgreSQL does not offer db\.t4g\.micro/,
      ),
      expect.stringMatching(/^environments\.prod\.overrides\.database\.readReplicas: prod: an Aurora cluster has no RDS read replicas/),
      expect.stringMatching(/^environments\.prod\.overrides\.database\.auroraReaders: prod: multiAz needs at least one Aurora reader/),
    ]);
    expect(
      validateSpec({
        ...s,
        database: { engine: "aurora-postgresql", version: "16.4" },
        overrides: undefined,
        environments: { dev: s.environments.dev },
      }).ok,
    ).toBe(false);
  });
});
