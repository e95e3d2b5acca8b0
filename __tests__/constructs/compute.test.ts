/** The compute tier on synthesized JSON: ECR, cluster, task definition, roles, service, ALB, alarms. */
import { alarmNamed, appStackTf, BASE_ACCOUNTS, certificateArn, onlyResource, referenced, resourcesOfType } from "../helpers";

function spec(): any {
  return {
    app: "demo",
    primaryRegion: "eu-central-1",
    allowedRegions: ["eu-central-1"],
    dataClassification: "phi",
    buckets: [{ name: "uploads" }, { name: "exports" }],
    keys: [
      { purpose: "phi-fields", description: "Field-level encryption" },
      { purpose: "other", description: "Not granted" },
    ],
    secrets: [{ name: "jwt-secret" }, { name: "unused" }],
    database: { engine: "postgres", version: "16" },
    cache: { engine: "valkey", version: "8" },
    services: [
      {
        name: "api",
        kind: "ecs",
        imageTag: "1.2.3",
        port: 8000,
        healthCheckPath: "/healthz",
        environment: { LOG_LEVEL: "info" },
        secrets: { JWT_SECRET: "jwt-secret" },
        grants: { buckets: [{ name: "uploads", access: "read" }], keys: ["phi-fields"], database: true, cache: true },
      },
    ],
    edge: { alb: { certificateArns: { dev: certificateArn(BASE_ACCOUNTS.dev), prod: certificateArn(BASE_ACCOUNTS.prod) } } },
    environments: { dev: { accountId: BASE_ACCOUNTS.dev }, prod: { accountId: BASE_ACCOUNTS.prod } },
  };
}

describe("compute tier", () => {
  const tf = appStackTf(spec(), "prod");
  const roles = resourcesOfType(tf, "aws_iam_role");
  const role = (suffix: string) => roles.find((r) => r.name === `demo-prod-api-${suffix}`)!;
  const policyOf = (suffix: string) => {
    const address = Object.entries(tf.resource!.aws_iam_role).find(([, r]) => r === role(suffix))![0];
    const p = resourcesOfType(tf, "aws_iam_role_policy").find((x) => x.role === `\${aws_iam_role.${address}.id}`)!;
    return JSON.parse(p.policy).Statement as any[];
  };
  const resources = (st: any[]) => st.flatMap((s) => [s.Resource].flat());

  it("ECR: immutable tags, scan on push, the data key, a lifecycle", () => {
    const repo = onlyResource(tf, "aws_ecr_repository");
    expect(repo).toMatchObject({
      name: "demo-prod-api",
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      force_delete: false,
    });
    expect(repo.encryption_configuration[0].encryption_type).toBe("KMS");
    const rules = JSON.parse(onlyResource(tf, "aws_ecr_lifecycle_policy").policy).rules;
    expect(rules.map((r: any) => [r.selection.tagStatus, r.selection.countNumber])).toEqual([
      ["untagged", 7],
      ["any", 30],
    ]);
  });

  it("cluster: Container Insights, ECS Exec logged encrypted, task storage under the data key", () => {
    const cluster = onlyResource(tf, "aws_ecs_cluster");
    expect(cluster.setting).toEqual([{ name: "containerInsights", value: "enhanced" }]);
    expect(cluster.configuration.execute_command_configuration).toMatchObject({
      logging: "OVERRIDE",
      log_configuration: { cloud_watch_encryption_enabled: true },
    });
    const dataKey = resourcesOfType(tf, "aws_kms_key").find((k) => k.description.startsWith("Data at rest of"))!;
    expect(cluster.configuration.managed_storage_configuration).toEqual({
      fargate_ephemeral_storage_kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.DataKey_\w+\.arn\}$/),
    });
    // Fargate may use the key only for this cluster's tasks, and grant itself only Decrypt.
    const fargate = JSON.parse(dataKey.policy).Statement.filter((st: any) => st.Principal?.Service === "fargate.amazonaws.com");
    const boundToCluster = {
      "kms:EncryptionContext:aws:ecs:clusterAccount": expect.stringMatching(/^\d{12}$/),
      "kms:EncryptionContext:aws:ecs:clusterName": cluster.name,
    };
    expect(fargate).toEqual([
      expect.objectContaining({ Action: "kms:GenerateDataKeyWithoutPlaintext", Condition: { StringEquals: boundToCluster } }),
      expect.objectContaining({
        Action: "kms:CreateGrant",
        Condition: { StringEquals: boundToCluster, "ForAllValues:StringEquals": { "kms:GrantOperations": ["Decrypt"] } },
      }),
    ]);
  });

  it("task: Fargate size, non-root, read-only root, nothing privileged, secrets by ARN, no secret in plain variables", () => {
    const task = onlyResource(tf, "aws_ecs_task_definition");
    expect(task).toMatchObject({ cpu: "1024", memory: "2048", network_mode: "awsvpc", requires_compatibilities: ["FARGATE"] });
    const [c] = JSON.parse(task.container_definitions);
    expect(c).toMatchObject({
      user: "1000:1000",
      readonlyRootFilesystem: true,
      privileged: false,
      linuxParameters: { capabilities: { drop: ["ALL"] } },
    });
    expect(c.image).toMatch(/^\$\{aws_ecr_repository\.[^}]+\.repository_url\}:1\.2\.3$/);
    expect(c.logConfiguration.options["awslogs-group"]).toMatch(/aws_cloudwatch_log_group\.Observability_AppLogGroup/);
    expect(c.healthCheck.command[1]).toContain("http://localhost:8000/healthz");
    expect(c.secrets.map((s: any) => s.name)).toEqual(["JWT_SECRET", "REDIS_PASSWORD"]);
    expect(c.secrets.every((s: any) => /^\$\{aws_secretsmanager_secret\.[^}]+\.arn\}$/.test(s.valueFrom))).toBe(true);
    const names = c.environment.map((e: any) => e.name);
    expect(names).toEqual(expect.arrayContaining(["LOG_LEVEL", "DATABASE_HOST", "DATABASE_USER", "REDIS_URL"]));
    expect(names.filter((n: string) => /PASSWORD|SECRET|TOKEN/.test(n))).toEqual([]);
    expect(task.execution_role_arn).not.toEqual(task.task_role_arn);
  });

  it("roles: trusted by ECS tasks of this account and region only", () => {
    for (const suffix of ["task", "execution"]) {
      const [st] = JSON.parse(role(suffix).assume_role_policy).Statement;
      expect(st.Principal).toEqual({ Service: "ecs-tasks.amazonaws.com" });
      expect(st.Condition).toEqual({
        ArnLike: { "aws:SourceArn": "arn:aws:ecs:eu-central-1:333333333333:*" },
        StringEquals: { "aws:SourceAccount": "333333333333" },
      });
    }
  });

  it("task role reaches only what was granted: one bucket read, one key, database connect as its user", () => {
    const st = policyOf("task");
    const actions = st.flatMap((s) => [s.Action].flat());
    expect(actions).not.toContain("s3:PutObject");
    expect(actions.some((a: string) => a.includes("*"))).toBe(false);
    const text = JSON.stringify(st);
    expect(text).toContain("DataBucket-uploads");
    expect(text).not.toContain("DataBucket-exports");
    expect(text).toContain("Key-phi-fields");
    expect(text).not.toContain("Key-other");
    expect(text).not.toContain("secretsmanager");
    expect(resources(st).filter((r: string) => r.includes("rds-db"))).toEqual([expect.stringMatching(/:dbuser:.*\/api$/)]);
  });

  it("execution role: pulls its repository, writes its log streams, reads only its injected secrets", () => {
    const st = policyOf("execution");
    const text = JSON.stringify(st);
    expect(text).toContain("Secret-jwt-secret");
    expect(text).toContain("DataTier_Cache_AuthToken");
    expect(text).not.toContain("Secret-unused");
    expect(text).not.toContain("s3:");
    const star = st.filter((s) => s.Resource === "*");
    expect(star.map((s) => s.Action)).toEqual(["ecr:GetAuthorizationToken"]);
  });

  it("service: private subnets, no public IP, circuit breaker with rollback, scaling on CPU and memory", () => {
    const svc = onlyResource(tf, "aws_ecs_service");
    expect(svc).toMatchObject({
      launch_type: "FARGATE",
      desired_count: 2,
      enable_execute_command: false,
      deployment_circuit_breaker: { enable: true, rollback: true },
    });
    expect(svc.network_configuration.assign_public_ip).toBe(false);
    expect(svc.network_configuration.subnets.every((s: string) => /Network_AppSubnet/.test(s))).toBe(true);
    expect(svc.lifecycle.ignore_changes).toEqual(["desired_count"]);
    expect(onlyResource(tf, "aws_appautoscaling_target")).toMatchObject({ min_capacity: 2, max_capacity: 10 });
    expect(
      resourcesOfType(tf, "aws_appautoscaling_policy")
        .map((p) => p.target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type)
        .sort(),
    ).toEqual(["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization"]);
  });

  it("security groups: tasks admit only the ALB; the database and cache admit the tasks", () => {
    const ingress = resourcesOfType(tf, "aws_vpc_security_group_ingress_rule");
    const toTasks = ingress.filter((r) => /ComputeTier_Service-api_SecurityGroup/.test(r.security_group_id));
    expect(toTasks).toHaveLength(1);
    expect(toTasks[0]).toMatchObject({ from_port: 8000, to_port: 8000 });
    expect(toTasks[0].referenced_security_group_id).toMatch(/ComputeTier_LoadBalancer_SecurityGroup/);
    const fromTasks = ingress.filter((r) => /ComputeTier_Service-api_SecurityGroup/.test(r.referenced_security_group_id ?? ""));
    expect(fromTasks.map((r) => r.from_port).sort()).toEqual([5432, 6379]);
  });

  it("ALB: public, HTTPS with TLS 1.3/1.2, HTTP redirects, invalid headers dropped, logs to SSE-S3, protected in prod", () => {
    const alb = onlyResource(tf, "aws_lb");
    expect(alb).toMatchObject({
      internal: false,
      drop_invalid_header_fields: true,
      enable_deletion_protection: true,
      access_logs: { enabled: true, prefix: "alb" },
    });
    const listeners = resourcesOfType(tf, "aws_lb_listener");
    expect(listeners.find((l) => l.port === 443)).toMatchObject({
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificate_arn: certificateArn(BASE_ACCOUNTS.prod),
    });
    expect(listeners.find((l) => l.port === 80)!.default_action[0]).toMatchObject({
      type: "redirect",
      redirect: { protocol: "HTTPS", port: "443" },
    });
    expect(onlyResource(tf, "aws_lb_target_group").health_check.path).toBe("/healthz");
    const bucket = referenced(tf, alb.access_logs.bucket);
    expect(bucket.bucket).toBe("demo-prod-alb-logs-333333333333");
    const sse = resourcesOfType(tf, "aws_s3_bucket_server_side_encryption_configuration").find((c) => c.bucket === alb.access_logs.bucket)!;
    expect(sse.rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe("AES256");
    const policy = resourcesOfType(tf, "aws_s3_bucket_policy").find((p) => p.bucket === alb.access_logs.bucket)!;
    const delivery = JSON.parse(policy.policy).Statement.find((s: any) => s.Sid === "AllowElbLogDelivery");
    expect(delivery).toMatchObject({
      Principal: { AWS: "arn:aws:iam::054676820928:root" },
      Resource: "arn:aws:s3:::demo-prod-alb-logs-333333333333/alb/AWSLogs/333333333333/*",
    });
    expect(appStackTf(spec(), "dev").resource!.aws_lb).toBeDefined();
    expect(onlyResource(appStackTf(spec(), "dev"), "aws_lb").enable_deletion_protection).toBe(false);
  });

  it("alarm pairs: CPU, memory, 5xx, error rate, p95 latency, unhealthy targets; running tasks below the minimum", () => {
    const names = resourcesOfType(tf, "aws_cloudwatch_metric_alarm")
      .map((a) => a.alarm_name)
      .filter((n: string) => n.startsWith("demo-prod-api-"));
    expect(names.sort()).toEqual(
      ["5xx", "cpu", "error-rate", "latency-p95", "memory", "unhealthy-targets"]
        .flatMap((n) => [`demo-prod-api-${n}-critical`, `demo-prod-api-${n}-warning`])
        .concat(["demo-prod-api-running-tasks-critical"])
        .sort(),
    );
    const p95 = alarmNamed(tf, "demo-prod-api-latency-p95-critical");
    expect(p95).toMatchObject({ extended_statistic: "p95", threshold: 2, namespace: "AWS/ApplicationELB" });
  });

  it("no services, no compute resources", () => {
    const s = spec();
    delete s.services;
    delete s.edge;
    const none = appStackTf(s, "dev");
    for (const type of ["aws_ecr_repository", "aws_ecs_cluster", "aws_lb", "aws_ecs_service"])
      expect(resourcesOfType(none, type)).toEqual([]);
  });
});

describe("compute tier on an Aurora cluster", () => {
  const aurora = spec();
  aurora.database = { engine: "aurora-postgresql", version: "16" };
  const tf = appStackTf(aurora, "prod");

  it("connects the service to the cluster as it does to an RDS instance", () => {
    const container = JSON.parse(onlyResource(tf, "aws_ecs_task_definition").container_definitions)[0];
    const env = Object.fromEntries(container.environment.map((e: any) => [e.name, e.value]));
    expect(env.DATABASE_HOST).toMatch(/^\$\{aws_rds_cluster\.DataTier_Cluster_\w+\.endpoint\}$/);
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\//);
    const policies = resourcesOfType(tf, "aws_iam_role_policy")
      .map((p) => p.policy)
      .join("\n");
    expect(policies).toMatch(/rds-db:connect/);
    const clusterSg = referenced(tf, onlyResource(tf, "aws_rds_cluster").vpc_security_group_ids[0]);
    const admitted = resourcesOfType(tf, "aws_vpc_security_group_ingress_rule").filter((r) => r.from_port === 5432);
    expect(admitted).toHaveLength(1);
    expect(referenced(tf, admitted[0].security_group_id)).toBe(clusterSg);
  });
});
