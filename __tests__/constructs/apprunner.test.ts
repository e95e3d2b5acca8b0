/** App Runner services on synthesized JSON: the service, its roles, connector, scaling, WAF; the kind switch. */
import { blocking } from "../../guardrails/engine";
import { enforce } from "../../guardrails/enforce";
import { apprunnerSizeProblem } from "../../config/apprunner-sizes";
import { validateSpec } from "../../config/validate";
import { albCertificateArns, appStackTf, buildWithAspects, onlyResource, referenced, resourcesOfType, validSpec } from "../helpers";
import type { EnvironmentName } from "../../config/schema";

function spec(kind = "apprunner"): any {
  return {
    app: "demo",
    primaryRegion: "eu-central-1",
    allowedRegions: ["eu-central-1"],
    dataClassification: "phi",
    compliance: ["gdpr"],
    buckets: [{ name: "uploads" }, { name: "exports" }],
    keys: [{ purpose: "phi-fields", description: "Field-level encryption" }],
    secrets: [{ name: "jwt-secret" }, { name: "unused" }],
    database: { engine: "postgres", version: "16" },
    cache: { engine: "redis", version: "7" },
    services: [
      {
        name: "api",
        kind,
        imageTag: "1.2.3",
        port: 8000,
        healthCheckPath: "/healthz",
        environment: { LOG_LEVEL: "info" },
        secrets: { JWT_SECRET: "jwt-secret" },
        grants: { buckets: [{ name: "uploads", access: "read" }], database: true, cache: true },
      },
    ],
    edge: { alb: { certificateArns: albCertificateArns() } },
    environments: { dev: { accountId: "111111111111" }, staging: { accountId: "222222222222" }, prod: { accountId: "333333333333" } },
  };
}

/** Every stack of every environment, with its guardrail report. */
function synthesizeAll(s: any) {
  return enforce(buildWithAspects(validSpec(s)).stacks);
}

const policyOf = (tf: any, roleName: string): any[] => {
  const [address] = Object.entries(tf.resource.aws_iam_role).find(([, r]: any) => r.name === roleName)!;
  const p = resourcesOfType(tf, "aws_iam_role_policy").find((x) => x.role === `\${aws_iam_role.${address}.id}`)!;
  return JSON.parse(p.policy).Statement;
};
const trustOf = (tf: any, roleName: string) =>
  JSON.parse(resourcesOfType(tf, "aws_iam_role").find((r) => r.name === roleName)!.assume_role_policy).Statement;
const resources = (st: any[]) => st.flatMap((s) => [s.Resource].flat());

describe("App Runner service", () => {
  const tf = appStackTf(spec(), "prod");
  const svc = onlyResource(tf, "aws_apprunner_service");
  const image = svc.source_configuration.image_repository;

  it("synthesizes dev, staging and prod with no blocking finding", () => {
    const reports = synthesizeAll(spec());
    expect(reports).toHaveLength(6);
    for (const r of reports) expect(blocking(r)).toEqual([]);
    const ids = reports.flatMap((r) =>
      r.findings.filter((f) => f.ruleId.startsWith("PRJ_APPRUNNER")).map((f) => `${f.ruleId} ${f.status}`),
    );
    expect(new Set(ids)).toEqual(
      new Set(["PRJ_APPRUNNER_CMK passed", "PRJ_APPRUNNER_VPC_EGRESS passed", "PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS passed"]),
    );
  });

  it("runs the configured tag of its own repository on the preset's size, encrypted with the data key", () => {
    expect(image.image_repository_type).toBe("ECR");
    expect(referenced(tf, image.image_identifier.replace(/:1\.2\.3$/, ""))).toMatchObject({
      name: "demo-prod-api",
      image_tag_mutability: "IMMUTABLE",
    });
    expect(image.image_identifier).toMatch(/:1\.2\.3$/);
    expect(svc.source_configuration.auto_deployments_enabled).toBe(false);
    expect(svc.instance_configuration).toMatchObject({ cpu: "1024", memory: "2048" });
    expect(image.image_configuration.port).toBe("8000");
    expect(svc.health_check_configuration).toMatchObject({ protocol: "HTTP", path: "/healthz" });
    expect(svc.encryption_configuration.kms_key).toMatch(/^\$\{aws_kms_key\.DataKey_/);
  });

  it("plain variables carry no secret; secrets and the cache token by ARN", () => {
    const { runtime_environment_variables: vars, runtime_environment_secrets: secrets } = image.image_configuration;
    expect(Object.keys(vars)).toEqual(expect.arrayContaining(["LOG_LEVEL", "DATABASE_HOST", "DATABASE_USER", "REDIS_URL"]));
    expect(Object.keys(vars).filter((n) => /PASSWORD|SECRET|TOKEN/.test(n))).toEqual([]);
    expect(Object.keys(secrets)).toEqual(["JWT_SECRET", "REDIS_PASSWORD"]);
    for (const arn of Object.values(secrets)) expect(arn).toMatch(/^\$\{aws_secretsmanager_secret\.[^}]+\.arn\}$/);
  });

  it("scales between the preset counts of each environment", () => {
    const counts = (env: EnvironmentName) => {
      const a = onlyResource(env === "prod" ? tf : appStackTf(spec(), env), "aws_apprunner_auto_scaling_configuration_version");
      return [a.min_size, a.max_size];
    };
    expect([counts("dev"), counts("staging"), counts("prod")]).toEqual([
      [1, 2],
      [1, 5],
      [2, 10],
    ]);
    expect(referenced(tf, svc.auto_scaling_configuration_arn)).toMatchObject({ auto_scaling_configuration_name: "demo-prod-api" });
  });

  const accessRoleTitle =
    "access role: trusted by App Runner's build side (no aws:SourceAccount: App Runner does not document it), " +
    "pulls its repository only";
  it(accessRoleTitle, () => {
    expect(trustOf(tf, "demo-prod-api-access")).toEqual([
      { Sid: "ServiceAssumesRole", Effect: "Allow", Principal: { Service: "build.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    const st = policyOf(tf, "demo-prod-api-access");
    expect(
      st
        .map((s) => s.Action)
        .flat()
        .sort(),
    ).toEqual([
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:DescribeImages",
      "ecr:GetAuthorizationToken",
      "ecr:GetDownloadUrlForLayer",
    ]);
    expect(resources(st)).toEqual(["*", expect.stringMatching(/^\$\{aws_ecr_repository\.ComputeTier_Repository-api_/)]);
  });

  it("instance role: trusted by App Runner instances, reaches only its secrets and grants", () => {
    expect(trustOf(tf, "demo-prod-api-instance")[0].Principal).toEqual({ Service: "tasks.apprunner.amazonaws.com" });
    expect(trustOf(tf, "demo-prod-api-instance")[0].Condition).toBeUndefined();
    const st = policyOf(tf, "demo-prod-api-instance");
    const text = JSON.stringify(st);
    expect(text).toContain("Secret-jwt-secret");
    expect(text).toContain("DataTier_Cache_AuthToken");
    for (const absent of ["Secret-unused", "DataBucket-exports", "ecr:", "s3:PutObject", "xray:"]) expect(text).not.toContain(absent);
    expect(resources(st).filter((r) => r.includes("rds-db"))).toEqual([expect.stringMatching(/:dbuser:.*\/api$/)]);
    expect(resources(st)).not.toContain("*");
    expect(svc.instance_configuration.instance_role_arn).toMatch(/InstanceRole/);
  });

  it("VPC connector into the app subnets; its group reaches the endpoints, S3, the database and the cache, which admit it", () => {
    expect(svc.network_configuration).toMatchObject({
      egress_configuration: { egress_type: "VPC" },
      ingress_configuration: { is_publicly_accessible: true },
    });
    const connector = referenced(tf, svc.network_configuration.egress_configuration.vpc_connector_arn);
    for (const id of connector.subnets) expect(referenced(tf, id).tags.Tier).toBe("app");
    const sg = connector.security_groups[0].replace(/\.id\}$/, "").replace(/^\$\{/, "");
    const egress = resourcesOfType(tf, "aws_vpc_security_group_egress_rule").filter((r) => r.security_group_id.includes(sg));
    expect(egress.map((r) => r.from_port).sort()).toEqual([443, 443, 5432, 6379]);
    expect(egress.filter((r) => r.cidr_ipv4 !== undefined)).toEqual([]);
    expect(egress.find((r) => r.prefix_list_id)!.prefix_list_id).toMatch(/^\$\{aws_vpc_endpoint\.Network_S3GatewayEndpoint_/);
    expect(egress.find((r) => r.from_port === 443 && !r.prefix_list_id)!.referenced_security_group_id).toMatch(
      /Network_EndpointSecurityGroup/,
    );
    const admitted = resourcesOfType(tf, "aws_vpc_security_group_ingress_rule").filter((r) =>
      (r.referenced_security_group_id ?? "").includes(sg),
    );
    expect(admitted.map((r) => r.from_port).sort()).toEqual([5432, 6379]);
    expect(resourcesOfType(tf, "aws_vpc_security_group_ingress_rule").filter((r) => r.security_group_id.includes(sg))).toEqual([]);
  });

  it("behind the web ACL; no ALB, no cluster; 5xx, error rate and latency alarm pairs", () => {
    const assoc = onlyResource(tf, "aws_wafv2_web_acl_association");
    expect(assoc.resource_arn).toMatch(/^\$\{aws_apprunner_service\./);
    for (const type of ["aws_lb", "aws_ecs_cluster", "aws_ecs_service"]) expect(resourcesOfType(tf, type)).toEqual([]);
    const keyPolicies = resourcesOfType(tf, "aws_kms_key").map((k) => String(k.policy ?? ""));
    expect(keyPolicies.filter((policy) => policy.includes("fargate.amazonaws.com"))).toEqual([]);
    const alarms = resourcesOfType(tf, "aws_cloudwatch_metric_alarm").filter((a) => a.namespace === "AWS/AppRunner");
    expect(alarms.map((a) => `${a.metric_name} ${a.threshold}`).sort()).toEqual([
      "5xxStatusResponses 10",
      "5xxStatusResponses 5",
      "RequestLatency 1000",
      "RequestLatency 2000",
    ]);
    const rate = resourcesOfType(tf, "aws_cloudwatch_metric_alarm").filter((a) => a.alarm_name.startsWith("demo-prod-api-error-rate"));
    expect(rate.map((a) => a.threshold).sort()).toEqual([1, 5]);
    const names = rate[0].metric_query
      .filter((q: any) => q.metric)
      .map((q: any) => `${q.id} ${q.metric.namespace} ${q.metric.metric_name}`);
    expect(names.sort()).toEqual(["errors AWS/AppRunner 5xxStatusResponses", "requests AWS/AppRunner Requests"]);
  });

  it("X-Ray tracing on request: an observability configuration and trace writes for the instance role", () => {
    const s = spec();
    s.services[0].tracing = true;
    const traced = appStackTf(s, "dev");
    const config = onlyResource(traced, "aws_apprunner_observability_configuration");
    expect(config.trace_configuration).toEqual({ vendor: "AWSXRAY" });
    expect(onlyResource(traced, "aws_apprunner_service").observability_configuration.observability_enabled).toBe(true);
    expect(JSON.stringify(policyOf(traced, "demo-dev-api-instance"))).toContain("xray:PutTraceSegments");
  });

  it("no secrets and no grants: no instance role", () => {
    const s = spec();
    Object.assign(s.services[0], { secrets: undefined, grants: undefined });
    const bare = appStackTf(s, "dev");
    expect(onlyResource(bare, "aws_apprunner_service").instance_configuration.instance_role_arn).toBeUndefined();
    expect(resourcesOfType(bare, "aws_iam_role").map((r) => r.name)).not.toContain("demo-dev-api-instance");
  });
});

describe("the kind switch", () => {
  it.each(["apprunner", "ecs"])("the same service spec as %s synthesizes every environment clean", (kind) => {
    const s = spec(kind);
    const reports = synthesizeAll(s);
    for (const r of reports) expect(blocking(r)).toEqual([]);
    const tf = appStackTf(s, "prod");
    expect(resourcesOfType(tf, "aws_apprunner_service")).toHaveLength(kind === "apprunner" ? 1 : 0);
    expect(resourcesOfType(tf, "aws_ecs_service")).toHaveLength(kind === "ecs" ? 1 : 0);
  });
});

describe("App Runner in the config", () => {
  const problemsOf = (change: (s: any) => void): string[] => {
    const s = spec();
    change(s);
    const r = validateSpec(s);
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it.each([
    [256, 512, undefined],
    [256, 1024, undefined],
    [256, 2048, /takes 512, 1024 MiB/],
    [512, 2048, /takes 1024 MiB/],
    [1024, 3072, undefined],
    [2048, 8192, /takes 4096 MiB/],
    [4096, 12288, undefined],
    [8192, 16384, /no instance of 8192/],
  ])("App Runner %i CPU with %i MiB", (cpu, memory, problem) => {
    const p = apprunnerSizeProblem(cpu, memory);
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeUndefined();
  });

  it("rejects a pair App Runner does not run (Fargate does), at its path", () => {
    expect(problemsOf((s) => (s.services[0].environments = { prod: { cpu: 1024, memoryMb: 8192 } }))).toEqual([
      "services[0].environments.prod.memoryMb: prod: App Runner does not run 1024 CPU units with 8192 MiB; with 1024 it takes " +
        "2048, 3072, 4096 MiB",
    ]);
    expect(problemsOf((s) => (s.services[0].overrides = { cpu: 8192 }))).toEqual([
      "services[0].overrides.cpu: dev, staging, prod: App Runner offers no instance of 8192 CPU units; " +
        "use one of 256, 512, 1024, 2048, 4096",
    ]);
  });

  it("rejects more than 25 instances and a name App Runner cannot take", () => {
    expect(problemsOf((s) => (s.services[0].environments = { prod: { maxCount: 30 } }))).toEqual([
      "services[0].environments.prod.maxCount: prod: App Runner scales to at most 25 instances (got 30)",
    ]);
    // 31 characters in prod, 34 in staging.
    expect(problemsOf((s) => (Object.assign(s, { app: "telerehab1" }).services[0].name = "patient-records"))).toEqual([
      "services[0].name: staging: App Runner names its scaling configuration telerehab1-staging-patient-records, over 32 " +
        "characters; shorten the service name",
    ]);
  });
});
