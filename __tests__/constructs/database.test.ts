/**
 * The relational database on the synthesized JSON, per engine and environment: placement,
 * TLS and audit logging, encryption, IAM auth, managed master password, monitoring,
 * protection, alarms, and the handles the compute tier will use.
 */
import { App } from "cdktf";
import { resolve } from "../../config/resolve";
import { valueFrom } from "../../constructs/connection";
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

function specWith(database: AppSpec["database"], edit: (s: AppSpec) => void = () => undefined): AppSpec {
  const spec = baseSpec();
  spec.database = database;
  edit(spec);
  return validSpec(spec);
}
const postgres = specWith({ engine: "postgres", version: "16" });
const mysql = specWith({ engine: "mysql", version: "8.0" });

const tfOf = (engine: "postgres" | "mysql", env: EnvironmentName): TfJson => appStackTf(engine === "postgres" ? postgres : mysql, env);
const dbOf = (tf: TfJson) => onlyResource(tf, "aws_db_instance");
const parametersOf = (tf: TfJson) =>
  Object.fromEntries(referenced(tf, dbOf(tf).parameter_group_name).parameter.map((p: any) => [p.name, p.value]));

describe("Database", () => {
  it.each(["postgres", "mysql"] as const)("%s: in the data subnets, reachable from no one until allowFrom, never public", (engine) => {
    const tf = tfOf(engine, "prod");
    const db = dbOf(tf);
    expect(db.publicly_accessible).toBe(false);
    expectClosedInDataSubnets(tf, db.db_subnet_group_name, db.vpc_security_group_ids[0]);
    expect(db.port).toBe(engine === "postgres" ? 5432 : 3306);
  });

  it("allowFrom admits one client group on the engine port", () => {
    const stack = new AppStack(new App(), resolve(postgres, "prod"));
    stack.data.database!.allowFrom("sg-0123456789abcdef0", "API tasks");
    const rule = onlyResource(synthStack(stack), "aws_vpc_security_group_ingress_rule");
    expect(rule).toMatchObject({
      referenced_security_group_id: "sg-0123456789abcdef0",
      ip_protocol: "tcp",
      from_port: 5432,
      to_port: 5432,
      description: "API tasks: postgres over TLS",
    });
    expect(rule.cidr_ipv4).toBeUndefined();
  });

  it("PostgreSQL: TLS forced, connections, DDL, slow statements and errors logged, never their bind values", () => {
    const tf = tfOf("postgres", "prod");
    expect(referenced(tf, dbOf(tf).parameter_group_name).family).toBe("postgres16");
    expect(parametersOf(tf)).toEqual({
      "rds.force_ssl": "1",
      log_connections: "1",
      log_disconnections: "1",
      log_statement: "ddl",
      log_min_duration_statement: "1000",
      log_min_error_statement: "error",
      log_parameter_max_length: "0",
      log_parameter_max_length_on_error: "0",
    });
    expect(dbOf(tf).option_group_name).toBeUndefined();
  });

  it("MySQL: TLS required, slow queries logged, audit through MARIADB_AUDIT_PLUGIN", () => {
    const tf = tfOf("mysql", "prod");
    const db = dbOf(tf);
    expect(referenced(tf, db.parameter_group_name).family).toBe("mysql8.0");
    expect(parametersOf(tf)).toMatchObject({ require_secure_transport: "1", slow_query_log: "1" });
    const options = referenced(tf, db.option_group_name);
    expect(options).toMatchObject({ engine_name: "mysql", major_engine_version: "8.0" });
    expect(options.option).toEqual([
      { option_name: "MARIADB_AUDIT_PLUGIN", option_settings: [{ name: "SERVER_AUDIT_EVENTS", value: "CONNECT,QUERY_DDL,QUERY_DCL" }] },
    ]);
  });

  it.each([
    ["postgres", ["postgresql", "upgrade"]],
    ["mysql", ["audit", "error", "slowquery"]],
  ] as const)("%s: exports its logs into pre-created groups under the data key, kept as audit logs", (engine, exports) => {
    const tf = tfOf(engine, "prod");
    const db = dbOf(tf);
    expect(db.enabled_cloudwatch_logs_exports).toEqual(exports);
    const groups = resourcesOfType(tf, "aws_cloudwatch_log_group").filter((g) => g.name.startsWith("/aws/rds/"));
    expect(groups.map((g) => g.name)).toEqual(exports.map((e) => `/aws/rds/instance/demo-prod-db/${e}`));
    for (const g of groups) {
      expect(g.kms_key_id).toBe(db.kms_key_id);
      expect(g.retention_in_days).toBe(2557);
    }
    // The export groups and the account's RDSOSMetrics group (enhanced monitoring), all created first.
    expect(db.depends_on.filter((d: string) => d.startsWith("aws_cloudwatch_log_group."))).toHaveLength(exports.length + 1);
    expect(db.depends_on).toContain("aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E");
  });

  it.each(["postgres", "mysql"] as const)(
    "%s: encrypted gp3 that grows to a ceiling, IAM auth, RDS-managed master password under the data key",
    (engine) => {
      const tf = tfOf(engine, "prod");
      const db = dbOf(tf);
      const dataKey = resourcesOfType(tf, "aws_kms_alias").find((a) => a.name === "alias/demo-prod-data")!;
      const keyArn = `\${${dataKey.target_key_id.slice(2, -1).replace(/\.key_id$/, ".arn")}}`;
      expect(db).toMatchObject({
        engine,
        engine_version: engine === "postgres" ? "16" : "8.0",
        engine_lifecycle_support: "open-source-rds-extended-support",
        storage_type: "gp3",
        storage_encrypted: true,
        kms_key_id: keyArn,
        allocated_storage: 100,
        max_allocated_storage: 1000,
        iam_database_authentication_enabled: true,
        manage_master_user_password: true,
        master_user_secret_kms_key_id: keyArn,
        username: "dbadmin",
        db_name: "demo",
      });
      expect(db.password).toBeUndefined();
      expect(JSON.stringify(tf)).not.toMatch(/"password"\s*:/);
    },
  );

  it.each(["postgres", "mysql"] as const)("%s: Performance Insights under the key, enhanced monitoring with its own role", (engine) => {
    const tf = tfOf(engine, "prod");
    const db = dbOf(tf);
    expect(db).toMatchObject({
      performance_insights_enabled: true,
      performance_insights_kms_key_id: db.kms_key_id,
      performance_insights_retention_period: 7,
      monitoring_interval: 60,
    });
    const role = referenced(tf, db.monitoring_role_arn);
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: "monitoring.rds.amazonaws.com" });
    const policy = resourcesOfType(tf, "aws_iam_role_policy").find((p) => p.name === "demo-prod-db-monitoring-policy")!;
    for (const s of JSON.parse(policy.policy).Statement)
      expect(s.Resource).toMatch(/^arn:aws:logs:eu-central-1:333333333333:log-group:RDSOSMetrics(:log-stream:\*)?$/);
  });

  it("MySQL on a micro class runs without Performance Insights, which RDS does not offer there", () => {
    const db = dbOf(tfOf("mysql", "dev"));
    expect(db.instance_class).toBe("db.t4g.micro");
    expect(db.performance_insights_enabled).toBe(false);
    expect(db.performance_insights_kms_key_id).toBeUndefined();
  });

  it.each([
    ["dev", "db.t4g.micro", false, 7, false],
    ["staging", "db.t4g.small", true, 14, false],
    ["prod", "db.t4g.medium", true, 35, true],
  ] as const)("%s: %s, Multi-AZ %s, %i days of backups, protected %s", (env, instanceClass, multiAz, days, protectedDb) => {
    const db = dbOf(tfOf("postgres", env));
    expect(db).toMatchObject({
      instance_class: instanceClass,
      multi_az: multiAz,
      backup_retention_period: days,
      backup_window: "03:00-04:00",
      maintenance_window: "sun:04:30-sun:05:30",
      copy_tags_to_snapshot: true,
      auto_minor_version_upgrade: true,
      deletion_protection: protectedDb,
      skip_final_snapshot: !protectedDb,
    });
    expect(db.lifecycle.prevent_destroy).toBe(protectedDb);
    expect(db.final_snapshot_identifier).toBe(protectedDb ? "demo-prod-db-final" : undefined);
  });

  it.each(["dev", "staging", "prod"] as const)("%s: passes every guardrail, dev's and staging's exceptions justified", (env) => {
    for (const engine of ["postgres", "mysql"] as const) {
      const stack = new AppStack(new App(), resolve(engine === "postgres" ? postgres : mysql, env));
      synthStack(stack); // runs the protection aspect
      const findings = evaluateStack({ stack }).findings.filter((f) => f.address.startsWith("aws_db_instance."));
      expect(findings.filter((f) => f.status === "failed" || f.status === "unknown")).toEqual([]);
      const suppressed = findings
        .filter((f) => f.status === "suppressed")
        .map((f) => f.ruleId)
        .sort();
      // MySQL's dev and staging classes offer no Performance Insights, which Trivy's AWS-0133 does not exempt.
      const insights = engine === "mysql" && env !== "prod" ? ["AWS-0133"] : [];
      expect(suppressed).toEqual([...insights, ...{ dev: ["CKV_AWS_157", "CKV_AWS_293"], staging: ["CKV_AWS_293"], prod: [] }[env]]);
    }
  });

  it("alarms on CPU, free storage and connections with the preset's thresholds", () => {
    const alarms = resourcesOfType(tfOf("postgres", "prod"), "aws_cloudwatch_metric_alarm").filter((a) => a.namespace === "AWS/RDS");
    const byName = Object.fromEntries(alarms.map((a) => [a.alarm_name, a]));
    expect(Object.keys(byName).sort()).toEqual([
      "demo-prod-db-connections-critical",
      "demo-prod-db-connections-warning",
      "demo-prod-db-cpu-critical",
      "demo-prod-db-cpu-warning",
      "demo-prod-db-free-storage-critical",
      "demo-prod-db-free-storage-warning",
      "demo-prod-db-freeable-memory-critical",
      "demo-prod-db-freeable-memory-warning",
    ]);
    expect(byName["demo-prod-db-cpu-warning"]).toMatchObject({
      metric_name: "CPUUtilization",
      threshold: 70,
      comparison_operator: "GreaterThanThreshold",
    });
    expect(byName["demo-prod-db-connections-critical"]).toMatchObject({ metric_name: "DatabaseConnections", threshold: 150 });
    expect(byName["demo-prod-db-free-storage-critical"]).toMatchObject({
      threshold: 2 * 1024 ** 3,
      comparison_operator: "LessThanThreshold",
      statistic: "Minimum",
    });
    for (const a of alarms)
      expect(a.dimensions.DBInstanceIdentifier).toMatch(/^\$\{aws_db_instance\.DataTier_Database_Instance_\w+\.identifier\}$/);
  });

  it("overrides reach the instance: class, storage, retention", () => {
    const spec = specWith({ engine: "postgres", version: "16" }, (s) => {
      s.overrides = { database: { backupRetentionDays: 30 } };
      s.environments.prod!.overrides = {
        database: { instanceClass: "db.r7g.xlarge", allocatedStorageGb: 200, maxAllocatedStorageGb: 2000 },
      };
    });
    expect(dbOf(appStackTf(spec, "prod"))).toMatchObject({
      instance_class: "db.r7g.xlarge",
      allocated_storage: 200,
      max_allocated_storage: 2000,
      backup_retention_period: 30,
    });
  });

  it("no database in the config: none in the stack", () => {
    expect(resourcesOfType(appStackTf(validSpec(baseSpec()), "prod"), "aws_db_instance")).toEqual([]);
  });

  it("grantConnect: rds-db:connect on the user of this instance, nothing wider", () => {
    const stack = new AppStack(new App(), resolve(postgres, "prod"));
    const role = new ServiceRole(stack, "TaskRole-api", {
      roleName: "demo-prod-api-task",
      service: "ecs-tasks.amazonaws.com",
      sourceAccountId: "333333333333",
      description: "API task",
    });
    stack.data.database!.grantConnect(role, "app_user");
    const tf = synthStack(stack);
    const policy = JSON.parse(resourcesOfType(tf, "aws_iam_role_policy").find((p) => p.name === "demo-prod-api-task-policy")!.policy);
    expect(policy.Statement).toEqual([
      {
        Sid: "ConnectDatabaseAppUser",
        Effect: "Allow",
        Action: "rds-db:connect",
        Resource: expect.stringMatching(
          /^arn:aws:rds-db:eu-central-1:333333333333:dbuser:\$\{aws_db_instance\.DataTier_Database_Instance_\w+\.resource_id\}\/app_user$/,
        ),
      },
    ]);
  });

  it.each([
    ["postgres", "postgresql", 5432],
    ["mysql", "mysql", 3306],
  ] as const)("%s connection settings: URL without credentials, the managed password by reference", (engine, scheme, port) => {
    const db = new AppStack(new App(), resolve(engine === "postgres" ? postgres : mysql, "prod")).data.database!;
    const { values, secrets } = db.connection;
    expect(values).toEqual({
      DATABASE_URL: `${scheme}://${db.endpointAddress}:${port}/demo`,
      DATABASE_HOST: db.endpointAddress,
      DATABASE_PORT: String(port),
      DATABASE_NAME: "demo",
      DATABASE_USERNAME: "dbadmin",
    });
    expect(secrets).toEqual({ DATABASE_PASSWORD: { secretArn: db.masterSecretArn, jsonKey: "password" } });
    expect(valueFrom(secrets.DATABASE_PASSWORD)).toBe(`${db.masterSecretArn}:password::`);
  });

  it("exposes endpoint, port, master secret and security group", () => {
    const db = new AppStack(new App(), resolve(mysql, "prod")).data.database!;
    expect(db.port).toBe(3306);
    for (const handle of [db.endpointAddress, db.masterSecretArn, db.securityGroupId]) expect(handle).toMatch(/^\$\{TfToken\[/);
  });
});
