/**
 * Several ECS services behind one ALB (path and host routing, one target group each), their
 * egress (VPC endpoints by default, the internet only with a reason), TLS to the tasks, least
 * privilege per service, and the dashboard sections; bad routing as config errors.
 */
import { blocking } from "../../guardrails/engine";
import { enforce } from "../../guardrails/enforce";
import { validateSpec } from "../../config/validate";
import {
  addressOf,
  appStackTf,
  BASE_ACCOUNTS,
  buildWithAspects,
  certificateArn,
  onlyResource,
  referenced,
  resourcesOfType,
  validSpec,
} from "../helpers";

/** A web front (the default), an API under /api/* and an admin service on its own host. */
function spec(): any {
  const service = (name: string, port: number, extra: object) => ({
    name,
    kind: "ecs",
    imageTag: "1.0.0",
    port,
    healthCheckPath: "/healthz",
    ...extra,
  });
  return {
    app: "demo",
    primaryRegion: "eu-central-1",
    allowedRegions: ["eu-central-1"],
    dataClassification: "phi",
    compliance: ["hipaa"],
    buckets: [{ name: "uploads" }, { name: "reports" }],
    keys: [{ purpose: "phi-fields", description: "Field-level encryption" }],
    secrets: [{ name: "jwt-secret" }],
    database: { engine: "postgres", version: "16" },
    cache: { engine: "redis", version: "7" },
    services: [
      service("web", 3000, { routing: { default: true } }),
      service("api", 8000, {
        routing: { pathPatterns: ["/api/*"] },
        secrets: { JWT_SECRET: "jwt-secret" },
        grants: { buckets: [{ name: "uploads", access: "readWrite" }], database: true, cache: true },
        egress: { internetHttps: true, reason: "calls the Stripe API (api.stripe.com) for payments" },
      }),
      service("admin", 8080, {
        routing: { hostHeaders: ["admin.example.com"], priority: 5 },
        targetProtocol: "HTTPS",
        grants: { buckets: [{ name: "reports", access: "read" }], keys: ["phi-fields"] },
      }),
    ],
    edge: { alb: { certificateArns: { dev: certificateArn(BASE_ACCOUNTS.dev), prod: certificateArn(BASE_ACCOUNTS.prod) } } },
    environments: { dev: { accountId: BASE_ACCOUNTS.dev }, prod: { accountId: BASE_ACCOUNTS.prod } },
  };
}

const problemsOf = (change: (s: any) => void): string[] => {
  const s = spec();
  change(s);
  const r = validateSpec(s);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe("several ECS services behind one ALB", () => {
  const tf = appStackTf(spec(), "prod");
  const service = (name: string) => resourcesOfType(tf, "aws_ecs_service").find((s) => s.name === `demo-prod-${name}`)!;
  const targetOf = (name: string) => referenced(tf, service(name).load_balancer[0].target_group_arn);
  const groupOf = (name: string) => service(name).network_configuration.security_groups[0].replace(/^\$\{|\.id\}$/g, "");
  const egressOf = (name: string) =>
    resourcesOfType(tf, "aws_vpc_security_group_egress_rule").filter((r) => r.security_group_id.includes(groupOf(name)));

  const reports = enforce(buildWithAspects(validSpec(spec())).stacks);
  const suppressed = (stack: string, ruleId: string) =>
    reports
      .find((r) => r.stack === stack)!
      .findings.filter((f) => f.status === "suppressed" && f.ruleId === ruleId)
      .map((f) => `${f.address.split(".")[1].replace(/_[0-9A-F]{8}$/, "")}: ${f.justification}`);

  it("synthesizes dev and prod with no blocking finding", () => {
    expect(reports).toHaveLength(4);
    for (const r of reports) expect(blocking(r)).toEqual([]);
  });

  it("one ALB, one cluster, one target group per service on its port", () => {
    expect(resourcesOfType(tf, "aws_lb")).toHaveLength(1);
    expect(resourcesOfType(tf, "aws_ecs_cluster")).toHaveLength(1);
    expect(resourcesOfType(tf, "aws_lb_target_group")).toHaveLength(3);
    expect(["web", "api", "admin"].map((n) => [targetOf(n).port, targetOf(n).tags.Name])).toEqual([
      [3000, "demo-prod-web"],
      [8000, "demo-prod-api"],
      [8080, "demo-prod-admin"],
    ]);
  });

  it("the default service is the HTTPS listener's default action; the others are listener rules with their priorities", () => {
    const https = resourcesOfType(tf, "aws_lb_listener").find((l) => l.port === 443)!;
    expect(referenced(tf, https.default_action[0].target_group_arn)).toBe(targetOf("web"));
    const rules = resourcesOfType(tf, "aws_lb_listener_rule");
    const ruleOf = (name: string) => rules.find((r) => referenced(tf, r.action[0].target_group_arn) === targetOf(name))!;
    expect(rules).toHaveLength(2);
    expect(ruleOf("api")).toMatchObject({ priority: 10, condition: [{ path_pattern: { values: ["/api/*"] } }] });
    expect(ruleOf("admin")).toMatchObject({ priority: 5, condition: [{ host_header: { values: ["admin.example.com"] } }] });
    for (const r of rules) expect(referenced(tf, r.listener_arn)).toBe(https);
    // ECS refuses a target group no listener uses yet: each service waits for its rule or listener.
    expect(service("api").depends_on).toEqual([`aws_lb_listener_rule.${addressOf(tf, ruleOf("api")).split(".")[1]}`]);
    expect(service("web").depends_on[0]).toMatch(/^aws_lb_listener\.ComputeTier_LoadBalancer_HttpsListener_/);
  });

  it("each service's group admits only the ALB on its own port; the ALB reaches each on that port only", () => {
    const ingress = resourcesOfType(tf, "aws_vpc_security_group_ingress_rule");
    for (const [name, port] of [
      ["web", 3000],
      ["api", 8000],
      ["admin", 8080],
    ] as const) {
      const admitted = ingress.filter((r) => r.security_group_id.includes(groupOf(name)));
      expect(admitted.map((r) => [r.from_port, r.referenced_security_group_id.includes("ComputeTier_LoadBalancer_SecurityGroup")])).toEqual(
        [[port, true]],
      );
      const fromAlb = resourcesOfType(tf, "aws_vpc_security_group_egress_rule").filter(
        (r) =>
          r.security_group_id.includes("ComputeTier_LoadBalancer_SecurityGroup") && r.referenced_security_group_id.includes(groupOf(name)),
      );
      expect(fromAlb.map((r) => r.from_port)).toEqual([port]);
    }
  });

  it("egress: the endpoints and S3 by default; the internet only for the service that opted in, with its reason", () => {
    for (const name of ["web", "admin"]) {
      const egress = egressOf(name);
      expect(egress.filter((r) => r.cidr_ipv4 !== undefined || r.cidr_ipv6 !== undefined)).toEqual([]);
      expect(egress.map((r) => r.referenced_security_group_id ?? r.prefix_list_id)).toEqual([
        expect.stringMatching(/Network_EndpointSecurityGroup/),
        expect.stringMatching(/Network_S3GatewayEndpoint_\w+\.prefix_list_id/),
      ]);
    }
    const internet = egressOf("api").filter((r) => r.cidr_ipv4 === "0.0.0.0/0");
    expect(internet).toHaveLength(1);
    expect(internet[0]).toMatchObject({ from_port: 443, to_port: 443, ip_protocol: "tcp" });
    expect(suppressed("demo-prod-app", "CKV_AWS_382")).toEqual([
      "ComputeTier_Service-api_EgressHttps: HTTPS only, out through the NAT gateway: calls the Stripe API (api.stripe.com) for payments.",
    ]);
    expect(
      egressOf("api")
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([443, 443, 443, 5432, 6379]);
  });

  it("dev has no interface endpoints: each ECS service reaches AWS APIs through NAT, the reason naming the missing endpoints", () => {
    const dev = appStackTf(spec(), "dev");
    const open = resourcesOfType(dev, "aws_vpc_security_group_egress_rule").filter((r) => r.cidr_ipv4 === "0.0.0.0/0");
    expect(open).toHaveLength(3);
    const { resolve } = require("../../config/resolve") as typeof import("../../config/resolve");
    const web = resolve(validSpec(spec()), "dev").services[0];
    expect(web.missingEndpoints).toEqual(["ecr.api", "ecr.dkr", "logs"]);
    expect(web.internetHttpsReason).toMatch(/^dev has no interface endpoint for ecr\.api, ecr\.dkr, logs/);
    const prodWeb = resolve(validSpec(spec()), "prod").services[0];
    expect(prodWeb).toMatchObject({ missingEndpoints: [], internetHttpsReason: undefined });
  });

  it("CKV_AWS_378: an HTTP group behind a rule is suppressed with the in-VPC reason; the default's and the HTTPS group pass", () => {
    expect(suppressed("demo-prod-app", "CKV_AWS_378").map((x) => x.split(":")[0])).toEqual(["ComputeTier_LoadBalancer_TargetGroup-api"]);
  });

  it("TLS to the tasks on request: an HTTPS target group and health check, the container's check over https", () => {
    expect(targetOf("admin")).toMatchObject({ protocol: "HTTPS", health_check: { protocol: "HTTPS", path: "/healthz" } });
    expect(targetOf("api")).toMatchObject({ protocol: "HTTP", health_check: { protocol: "HTTP" } });
    const containers = resourcesOfType(tf, "aws_ecs_task_definition").map((t) => JSON.parse(t.container_definitions)[0]);
    const check = (name: string) => containers.find((c) => c.name === `demo-prod-${name}`).healthCheck.command[1];
    expect(check("admin")).toBe("curl -fsSk https://localhost:8080/healthz || exit 1");
    expect(check("api")).toBe("curl -fsS http://localhost:8000/healthz || exit 1");
  });

  it("least privilege: each task role reaches only its own grants", () => {
    const roles = resourcesOfType(tf, "aws_iam_role");
    const policyOf = (roleName: string) => {
      const role = roles.find((r) => r.name === roleName);
      if (!role) return undefined;
      const ref = `\${aws_iam_role.${addressOf(tf, role).split(".")[1]}.id}`;
      return resourcesOfType(tf, "aws_iam_role_policy").find((p) => p.role === ref)!.policy as string;
    };
    expect(policyOf("demo-prod-web-task")).toBeUndefined();
    const api = policyOf("demo-prod-api-task")!;
    const admin = policyOf("demo-prod-admin-task")!;
    expect(api).toContain("DataBucket-uploads");
    expect(api).toContain("rds-db:connect");
    for (const absent of ["DataBucket-reports", "Key-phi-fields", "Secret-jwt-secret"]) expect(api).not.toContain(absent);
    expect(admin).toContain("DataBucket-reports");
    expect(admin).toContain("Key-phi-fields");
    for (const absent of ["DataBucket-uploads", "rds-db", "s3:PutObject", "Secret-", "AuthToken"]) expect(admin).not.toContain(absent);
    expect(policyOf("demo-prod-web-execution")).not.toContain("Secret-jwt-secret");
    expect(policyOf("demo-prod-api-execution")).toContain("Secret-jwt-secret");
  });

  it("alarms per service; the error rate is 5xx / requests * 100 of that service's target group, guarded for no requests", () => {
    const alarms = resourcesOfType(tf, "aws_cloudwatch_metric_alarm");
    for (const name of ["web", "api", "admin"]) {
      const rate = alarms.find((a) => a.alarm_name === `demo-prod-${name}-error-rate-warning`)!;
      expect(rate).toMatchObject({ threshold: 1, comparison_operator: "GreaterThanThreshold" });
      expect(alarms.find((a) => a.alarm_name === `demo-prod-${name}-error-rate-critical`)!.threshold).toBe(5);
      const [expression, ...metrics] = rate.metric_query;
      expect(expression).toMatchObject({
        return_data: true,
        expression: "IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / FILL(requests, 0), 0)",
      });
      expect(metrics.map((m: any) => [m.id, m.metric.metric_name, m.metric.stat, m.return_data])).toEqual([
        ["errors", "HTTPCode_Target_5XX_Count", "Sum", false],
        ["requests", "RequestCount", "Sum", false],
      ]);
      const tgSuffix = `\${aws_lb_target_group.${addressOf(tf, targetOf(name)).split(".")[1]}.arn_suffix}`;
      for (const m of metrics) expect(m.metric.dimensions.TargetGroup).toBe(tgSuffix);
      const running = alarms.find((a) => a.alarm_name === `demo-prod-${name}-running-tasks-critical`)!;
      expect(running).toMatchObject({
        namespace: "ECS/ContainerInsights",
        metric_name: "RunningTaskCount",
        comparison_operator: "LessThanThreshold",
        threshold: 2,
        dimensions: { ServiceName: `demo-prod-${name}` },
      });
    }
  });

  it("thresholds are the preset's and overridable", () => {
    const s = spec();
    s.overrides = { compute: { errorRateAlarmPercent: { warning: 2, critical: 10 } } };
    const warning = resourcesOfType(appStackTf(s, "prod"), "aws_cloudwatch_metric_alarm").find(
      (a) => a.alarm_name === "demo-prod-api-error-rate-warning",
    )!;
    expect(warning.threshold).toBe(2);
  });

  it("dashboard: a section per service (requests, errors, latency, CPU/memory, tasks), then the database and the cache", () => {
    const body = JSON.parse(onlyResource(tf, "aws_cloudwatch_dashboard").dashboard_body);
    const headings = body.widgets.filter((w: any) => w.type === "text").map((w: any) => w.properties.markdown);
    expect(headings).toEqual(["## Service web (ECS)", "## Service api (ECS)", "## Service admin (ECS)", "## Database", "## Cache"]);
    const graphs = body.widgets.filter((w: any) => w.type === "metric");
    expect(graphs.slice(0, 5).map((w: any) => w.properties.title)).toEqual([
      "Requests",
      "5xx and error rate (%)",
      "Latency (s)",
      "CPU and memory (%)",
      "Tasks",
    ]);
    const metricsText = JSON.stringify(graphs);
    expect(metricsText).toContain("DBInstanceIdentifier");
    expect(metricsText).toContain("CacheClusterId");
    expect(metricsText).toContain("RunningTaskCount");
    // Graphs three to a row, none overlapping.
    const cells = graphs.map((w: any) => `${w.x},${w.y}`);
    expect(new Set(cells).size).toBe(cells.length);
  });
});

describe("routing in the config", () => {
  it("accepts the web/api/admin layout", () => {
    expect(problemsOf(() => undefined)).toEqual([]);
  });

  it("rejects two services on the same path behind the listener", () => {
    expect(
      problemsOf((s) => {
        s.services[2].routing = { pathPatterns: ["/docs/*", "/api/*"] };
      }),
    ).toEqual(["services[2].routing.pathPatterns[1]: services[1] already gets /api/* behind the same listener"]);
    // The same path on different hosts is not a clash.
    expect(
      problemsOf((s) => {
        s.services[2].routing = { pathPatterns: ["/api/*"], hostHeaders: ["admin.example.com"] };
      }),
    ).toEqual([]);
  });

  it("rejects more than one default, and none among several", () => {
    expect(problemsOf((s) => (s.services[1].routing = { default: true }))).toEqual([
      "services[1].routing.default: services[0] is already the default service; the listener has one default action",
    ]);
    expect(problemsOf((s) => (s.services[0].routing = { pathPatterns: ["/*"] }))).toEqual([
      "services[0].routing.default: no ECS service is the default: " +
        "set routing.default on the one that gets every request no other rule matches",
    ]);
  });

  it("lets an App Runner service keep routing and a target protocol for a switch to ECS, and ignores them", () => {
    const cms = { name: "cms", kind: "apprunner", imageTag: "1.0.0", port: 5000, healthCheckPath: "/" };
    const withCms = (extra: object) => {
      const s = spec();
      s.services.push({ ...cms, ...extra });
      return s;
    };
    expect(problemsOf((s) => s.services.push({ ...cms, routing: { pathPatterns: ["/cms/*"] }, targetProtocol: "HTTPS" }))).toEqual([]);
    const kept = appStackTf(withCms({ routing: { pathPatterns: ["/cms/*"] }, targetProtocol: "HTTPS" }), "prod");
    const plain = appStackTf(withCms({}), "prod");
    for (const type of ["aws_lb_listener_rule", "aws_lb_target_group"]) {
      expect(resourcesOfType(kept, type)).toEqual(resourcesOfType(plain, type));
    }
  });

  it("rejects a duplicate priority, a service no request reaches, too many rule values and a bad pattern", () => {
    expect(problemsOf((s) => (s.services[2].routing.priority = 10))).toEqual([
      "services[2].routing.priority: priority 10 is services[1]'s too; listener rule priorities are unique",
    ]);
    expect(problemsOf((s) => (s.services[2].routing = {}))).toEqual([
      "services[2].routing: reaches no request: give it pathPatterns or hostHeaders, or make it the default",
    ]);
    expect(problemsOf((s) => (s.services[1].routing.pathPatterns = ["/a", "/b", "/c", "/d", "/e", "/f"]))).toEqual([
      "services[1].routing: an ALB rule takes at most 5 path and host values together (got 6)",
    ]);
    expect(problemsOf((s) => (s.services[1].routing.pathPatterns = ["api/*"]))[0]).toMatch(
      /^services\[1\]\.routing\.pathPatterns\[0\]: must be an ALB path pattern/,
    );
  });

  it("rejects an internet opt-in without a reason a reviewer can read", () => {
    expect(problemsOf((s) => (s.services[1].egress = { internetHttps: true, reason: "needed" }))[0]).toMatch(
      /^services\[1\]\.egress\.reason: /,
    );
    expect(problemsOf((s) => (s.services[1].egress = { internetHttps: false, reason: "calls the Stripe API" }))[0]).toMatch(
      /^services\[1\]\.egress\.internetHttps: /,
    );
  });
});
