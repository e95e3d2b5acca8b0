/**
 * The cache on the synthesized JSON, per engine and environment: placement, TLS, AUTH
 * token by reference, encryption, failover, snapshots, logs, protection, alarms, and the
 * handles the compute tier will use (connection settings, allowFrom, grantReadAuthToken).
 */
import { App } from "cdktf";
import { resolve } from "../../config/resolve";
import { valueFrom } from "../../constructs/connection";
import { ServiceRole } from "../../constructs/service-role";
import { evaluateStack } from "../../guardrails/enforce";
import { AppStack } from "../../stacks/app-stack";
import { appStackTf, baseSpec, onlyResource, referenced, resourcesOfType, synthStack, validSpec, type TfJson } from "../helpers";
import type { AppSpec, EnvironmentName } from "../../config/schema";

type Engine = "redis" | "valkey";

function specWith(cache: AppSpec["cache"], edit: (s: AppSpec) => void = () => undefined): AppSpec {
  const spec = baseSpec();
  spec.cache = cache;
  edit(spec);
  return validSpec(spec);
}
const specs: Record<Engine, AppSpec> = {
  redis: specWith({ engine: "redis", version: "7" }),
  valkey: specWith({ engine: "valkey", version: "8" }),
};

const tfOf = (engine: Engine, env: EnvironmentName): TfJson => appStackTf(specs[engine], env);
const groupOf = (tf: TfJson) => onlyResource(tf, "aws_elasticache_replication_group");
const dataKeyArn = (tf: TfJson) => {
  const alias = resourcesOfType(tf, "aws_kms_alias").find((a) => a.name.endsWith("-data"))!;
  return `\${${alias.target_key_id.slice(2, -1).replace(/\.key_id$/, ".arn")}}`;
};
const ENGINES = ["redis", "valkey"] as const;

describe("Cache", () => {
  it.each(ENGINES)("%s: in the data subnets, reachable from no one until allowFrom", (engine) => {
    const tf = tfOf(engine, "prod");
    const group = groupOf(tf);
    const subnets = referenced(tf, group.subnet_group_name);
    const dataSubnets = resourcesOfType(tf, "aws_subnet").filter((s) => s.tags.Tier === "data");
    expect(subnets.subnet_ids).toHaveLength(3);
    for (const id of subnets.subnet_ids) expect(dataSubnets).toContain(referenced(tf, id));
    expect(group.security_group_ids).toHaveLength(1);
    const sg = referenced(tf, group.security_group_ids[0]);
    expect(sg).toMatchObject({ name: "demo-prod-cache", tags: { Name: "demo-prod-cache" } });
    expect(sg.ingress).toBeUndefined();
    expect(resourcesOfType(tf, "aws_vpc_security_group_ingress_rule")).toEqual([]);
    expect(group.port).toBe(6379);
  });

  it("allowFrom admits one client group on 6379", () => {
    const stack = new AppStack(new App(), resolve(specs.redis, "prod"));
    stack.data.cache!.allowFrom("sg-0123456789abcdef0", "API tasks");
    const rule = onlyResource(synthStack(stack), "aws_vpc_security_group_ingress_rule");
    expect(rule).toMatchObject({
      referenced_security_group_id: "sg-0123456789abcdef0",
      ip_protocol: "tcp",
      from_port: 6379,
      to_port: 6379,
      description: "API tasks: redis over TLS",
    });
    expect(rule.cidr_ipv4).toBeUndefined();
  });

  it.each(ENGINES)("%s: TLS required, encrypted at rest with the data key, the pinned major's version", (engine) => {
    const tf = tfOf(engine, "prod");
    expect(groupOf(tf)).toMatchObject({
      engine,
      engine_version: engine === "redis" ? "7.1" : "8.2",
      transit_encryption_enabled: true,
      transit_encryption_mode: "required",
      at_rest_encryption_enabled: "true",
      kms_key_id: dataKeyArn(tf),
      auto_minor_version_upgrade: "true",
    });
  });

  it.each(ENGINES)("%s: the AUTH token is a generated value, kept in a secret under the data key, only referenced", (engine) => {
    const tf = tfOf(engine, "prod");
    const group = groupOf(tf);
    const token = referenced(tf, group.auth_token);
    expect(group.auth_token).toMatch(/^\$\{random_password\.DataTier_Cache_AuthToken_Value-value_\w+\.result\}$/);
    expect(token).toMatchObject({ length: 64, special: false });
    const secret = resourcesOfType(tf, "aws_secretsmanager_secret").find((s) => s.name === "demo/prod/cache-auth-token")!;
    expect(secret.kms_key_id).toBe(dataKeyArn(tf));
    const version = resourcesOfType(tf, "aws_secretsmanager_secret_version").find((v) => v.secret_string === group.auth_token)!;
    expect(referenced(tf, version.secret_id)).toBe(secret);
    // The token's reference appears in the group and the secret version, nowhere else.
    const uses = JSON.stringify(tf).split(group.auth_token.slice(2, -1)).length - 1;
    expect(uses).toBe(2);
  });

  it.each([
    ["dev", "cache.t4g.micro", 1, false, 1, false],
    ["staging", "cache.t4g.small", 1, false, 7, false],
    ["prod", "cache.t4g.medium", 2, true, 7, true],
  ] as const)(
    "%s: %s x %i, failover and Multi-AZ %s, snapshots %i days, protected %s",
    (env, nodeType, nodes, failover, days, protectedGroup) => {
      const group = groupOf(tfOf("redis", env));
      expect(group).toMatchObject({
        node_type: nodeType,
        num_cache_clusters: nodes,
        automatic_failover_enabled: failover,
        multi_az_enabled: failover,
        snapshot_retention_limit: days,
        snapshot_window: "02:00-03:00",
        maintenance_window: "sun:05:30-sun:06:30",
      });
      expect(group.lifecycle.prevent_destroy).toBe(protectedGroup);
      expect(group.final_snapshot_identifier).toBe(protectedGroup ? "demo-prod-cache-final" : undefined);
    },
  );

  it.each(ENGINES)("%s: slow and engine logs go as JSON to log groups under the data key", (engine) => {
    const tf = tfOf(engine, "prod");
    const group = groupOf(tf);
    expect(group.log_delivery_configuration.map((l: any) => [l.log_type, l.destination_type, l.log_format])).toEqual([
      ["slow-log", "cloudwatch-logs", "json"],
      ["engine-log", "cloudwatch-logs", "json"],
    ]);
    const groups = group.log_delivery_configuration.map((l: any) => referenced(tf, l.destination));
    expect(groups.map((g: any) => g.name)).toEqual([
      "/aws/elasticache/demo-prod-cache/slow-log",
      "/aws/elasticache/demo-prod-cache/engine-log",
    ]);
    for (const g of groups) expect(g).toMatchObject({ kms_key_id: dataKeyArn(tf), retention_in_days: 365 });
  });

  it.each(["dev", "staging", "prod"] as const)("%s: passes every guardrail, a single node's exception justified", (env) => {
    for (const engine of ENGINES) {
      const stack = new AppStack(new App(), resolve(specs[engine], env));
      synthStack(stack); // runs the protection aspect
      const findings = evaluateStack({ stack }).findings.filter((f) => f.address.includes("DataTier_Cache_"));
      expect(findings.filter((f) => f.status === "failed" || f.status === "unknown")).toEqual([]);
      const suppressed = findings
        .filter((f) => f.status === "suppressed")
        .map((f) => `${f.ruleId} ${f.address.split(".")[0]}`)
        .sort();
      const single = env === "prod" ? [] : ["CKV2_AWS_50 aws_elasticache_replication_group"];
      expect(suppressed).toEqual([...single, "CKV2_AWS_57 aws_secretsmanager_secret"]);
    }
  });

  it("alarms per node on memory and evictions, and on replication lag with a replica", () => {
    const names = (env: EnvironmentName) =>
      resourcesOfType(tfOf("redis", env), "aws_cloudwatch_metric_alarm").filter((a) => a.namespace === "AWS/ElastiCache");
    expect(
      names("dev")
        .map((a) => a.alarm_name)
        .sort(),
    ).toEqual([
      "demo-dev-cache-001-evictions-critical",
      "demo-dev-cache-001-evictions-warning",
      "demo-dev-cache-001-memory-critical",
      "demo-dev-cache-001-memory-warning",
    ]);
    const prod = Object.fromEntries(names("prod").map((a) => [a.alarm_name, a]));
    expect(Object.keys(prod)).toHaveLength(12);
    expect(prod["demo-prod-cache-002-memory-warning"]).toMatchObject({
      metric_name: "DatabaseMemoryUsagePercentage",
      threshold: 70,
      dimensions: { CacheClusterId: "demo-prod-cache-002" },
    });
    expect(prod["demo-prod-cache-001-memory-critical"]).toMatchObject({ threshold: 80, comparison_operator: "GreaterThanThreshold" });
    expect(prod["demo-prod-cache-001-evictions-warning"]).toMatchObject({ metric_name: "Evictions", statistic: "Sum", threshold: 0 });
    expect(prod["demo-prod-cache-002-replication-lag-critical"]).toMatchObject({
      metric_name: "ReplicationLag",
      statistic: "Maximum",
      threshold: 5,
    });
  });

  it("overrides reach the group: node type, count, snapshots, alarm thresholds", () => {
    const spec = specWith({ engine: "valkey", version: "7" }, (s) => {
      s.overrides = { cache: { snapshotRetentionDays: 14, memoryAlarmPercent: { warning: 60, critical: 75 } } };
      s.environments.staging!.overrides = { cache: { nodeType: "cache.r7g.large", nodeCount: 3, multiAz: true } };
    });
    const tf = appStackTf(spec, "staging");
    expect(groupOf(tf)).toMatchObject({
      engine_version: "7.2",
      node_type: "cache.r7g.large",
      num_cache_clusters: 3,
      automatic_failover_enabled: true,
      multi_az_enabled: true,
      snapshot_retention_limit: 14,
    });
    const memory = resourcesOfType(tf, "aws_cloudwatch_metric_alarm").filter((a) =>
      a.alarm_name.startsWith("demo-staging-cache-003-memory"),
    );
    expect(memory.map((a) => a.threshold).sort()).toEqual([60, 75]);
  });

  it("no cache in the config: none in the stack", () => {
    expect(resourcesOfType(appStackTf(validSpec(baseSpec()), "prod"), "aws_elasticache_replication_group")).toEqual([]);
  });

  it("grantReadAuthToken: read the token's secret, decrypt through Secrets Manager only", () => {
    const stack = new AppStack(new App(), resolve(specs.redis, "prod"));
    const role = new ServiceRole(stack, "TaskRole-api", {
      roleName: "demo-prod-api-task",
      service: "ecs-tasks.amazonaws.com",
      sourceAccountId: "333333333333",
      description: "API task",
    });
    stack.data.cache!.grantReadAuthToken(role);
    const tf = synthStack(stack);
    const policy = JSON.parse(resourcesOfType(tf, "aws_iam_role_policy").find((p) => p.name === "demo-prod-api-task-policy")!.policy);
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        Resource: expect.stringMatching(/^\$\{aws_secretsmanager_secret\.DataTier_Cache_AuthToken_Secret_\w+\.arn\}$/),
      }),
      expect.objectContaining({
        Action: "kms:Decrypt",
        Resource: dataKeyArn(tf),
        Condition: { StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" } },
      }),
    ]);
  });

  it("connection settings: REDIS_URL without credentials, host and port plain, the token by reference", () => {
    const cache = new AppStack(new App(), resolve(specs.redis, "prod")).data.cache!;
    const { values, secrets } = cache.connection;
    expect(Object.keys(values)).toEqual(["REDIS_URL", "REDIS_HOST", "REDIS_PORT"]);
    expect(values.REDIS_URL).toBe(`rediss://${cache.primaryEndpointAddress}:6379`);
    expect(values.REDIS_PORT).toBe("6379");
    expect(secrets).toEqual({ REDIS_PASSWORD: { secretArn: cache.authSecretArn } });
    expect(valueFrom(secrets.REDIS_PASSWORD)).toBe(cache.authSecretArn);
    expect(valueFrom({ secretArn: "arn:s", jsonKey: "password" })).toBe("arn:s:password::");
    for (const handle of [cache.primaryEndpointAddress, cache.authSecretArn, cache.securityGroupId])
      expect(handle).toMatch(/^\$\{TfToken\[/);
  });
});
