/** Services and edge in the config: sizes Fargate runs, declared references, a certificate per environment. */
import { resolve } from "../config/resolve";
import { validateSpec } from "../config/validate";
import { fargateSizeProblem } from "../config/fargate-sizes";
import { baseSpec, validSpec } from "./helpers";

const CERT = (account: string, region = "eu-central-1") =>
  `arn:aws:acm:${region}:${account}:certificate/0f0e0d0c-0b0a-4909-8807-060504030201`;

/** The base spec with one ECS service and an ALB certificate in every environment. */
export function serviceSpec(): any {
  const s: any = baseSpec();
  s.secrets = [{ name: "jwt-secret" }];
  s.keys = [{ purpose: "phi-fields", description: "Field-level encryption" }];
  s.services = [
    {
      name: "api",
      kind: "ecs",
      imageTag: "1.0.0",
      port: 8000,
      healthCheckPath: "/healthz",
      environment: { LOG_LEVEL: "info" },
      secrets: { JWT_SECRET: "jwt-secret" },
      grants: { buckets: [{ name: "uploads", access: "readWrite" }], keys: ["phi-fields"] },
    },
  ];
  s.edge = { alb: { certificateArns: { dev: CERT("111111111111"), staging: CERT("222222222222"), prod: CERT("333333333333") } } };
  return s;
}

const problemsOf = (change: (s: any) => void): string[] => {
  const s = serviceSpec();
  change(s);
  const r = validateSpec(s);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe("services in the config", () => {
  it("accepts a service with its secrets, grants and certificates", () => {
    expect(problemsOf(() => undefined)).toEqual([]);
  });

  it("resolves sizes from the preset, then the service's overrides, then its environment", () => {
    const s = serviceSpec();
    s.services[0].overrides = { cpu: 512, memoryMb: 1024, desiredCount: 2, minCount: 2 };
    s.services[0].environments = { prod: { cpu: 2048, memoryMb: 4096, imageTag: "0.9.0" } };
    const dev = resolve(validSpec(s), "dev").services[0];
    const prod = resolve(validSpec(s), "prod").services[0];
    expect(dev).toMatchObject({
      cpu: 512,
      memoryMb: 1024,
      desiredCount: 2,
      minCount: 2,
      maxCount: 2,
      imageTag: "1.0.0",
      user: "1000:1000",
    });
    expect(prod).toMatchObject({
      cpu: 2048,
      memoryMb: 4096,
      desiredCount: 2,
      maxCount: 10,
      imageTag: "0.9.0",
      resourceName: "demo-prod-api",
    });
    expect(resolve(validSpec(serviceSpec()), "staging").services[0]).toMatchObject({ cpu: 512, memoryMb: 1024, minCount: 1, maxCount: 5 });
  });

  it("resolves the ALB: certificate of the environment, deletion protection as the preset protects, log delivery of the region", () => {
    const dev = resolve(validSpec(serviceSpec()), "dev").edge.alb!;
    const prod = resolve(validSpec(serviceSpec()), "prod").edge.alb!;
    expect(dev).toMatchObject({
      certificateArn: CERT("111111111111"),
      deletionProtection: false,
      logDelivery: { elbAccountId: "054676820928" },
    });
    expect(prod).toMatchObject({
      deletionProtection: true,
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      logBucketName: "demo-prod-alb-logs-333333333333",
    });
    expect(resolve(validSpec(baseSpec()), "dev").edge.alb).toBeUndefined();
  });

  it("resolves the web ACL: on with an ALB, preset limit and groups, the config's limit and extras, off on request", () => {
    const prod = resolve(validSpec(serviceSpec()), "prod").edge.waf!;
    expect(prod).toMatchObject({
      name: "demo-prod-waf",
      rateLimitPer5Min: 2000,
      logGroupName: "aws-waf-logs-demo-prod",
      logRetentionDays: 365,
    });
    expect(prod.managedRuleGroups).toHaveLength(5);
    expect(prod.redactedHeaders).toEqual(["authorization", "cookie"]);
    const s = serviceSpec();
    s.edge.waf = { rateLimitPer5Min: 300, extraManagedRuleGroups: ["AWSManagedRulesUnixRuleSet"] };
    const custom = resolve(validSpec(s), "dev").edge.waf!;
    expect(custom.rateLimitPer5Min).toBe(300);
    expect(custom.managedRuleGroups.at(-1)).toBe("AWSManagedRulesUnixRuleSet");
    s.edge.waf = { enabled: false };
    expect(resolve(validSpec(s), "dev").edge.waf).toBeUndefined();
    expect(resolve(validSpec(baseSpec()), "dev").edge.waf).toBeUndefined();
  });

  it("rejects a rate limit WAF does not take and a managed group it does not offer, at their paths", () => {
    const problems = problemsOf(
      (s) => (s.edge.waf = { rateLimitPer5Min: 5, extraManagedRuleGroups: ["AWSManagedRulesBotControlRuleSet"] }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^edge\.waf\.rateLimitPer5Min: /),
      expect.stringMatching(/^edge\.waf\.extraManagedRuleGroups\[0\]: .*BotControl.*is not allowed/),
    ]);
  });

  it.each([
    [256, 512, undefined],
    [256, 1536, /takes 512, 1024, 2048 MiB/],
    [512, 1024, undefined],
    [1024, 1024, /2048-8192 MiB in steps of 1024/],
    [300, 1024, /no task of 300 CPU units/],
    [16384, 122880, undefined],
  ])("Fargate %i CPU with %i MiB", (cpu, memory, problem) => {
    const p = fargateSizeProblem(cpu, memory);
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeUndefined();
  });

  it("rejects a pair Fargate does not run, at the path where it was written, per environment", () => {
    expect(problemsOf((s) => (s.services[0].environments = { prod: { memoryMb: 1024 } }))).toEqual([
      "services[0].environments.prod.memoryMb: prod: Fargate does not run 1024 CPU units with 1024 MiB; with 1024 it takes " +
        "2048-8192 MiB in steps of 1024",
    ]);
    expect(problemsOf((s) => (s.overrides = { compute: { cpu: 300 } }))).toEqual([
      "overrides.compute.cpu: dev, staging, prod: Fargate offers no task of 300 CPU units; " +
        "use one of 256, 512, 1024, 2048, 4096, 8192, 16384",
    ]);
    // A CPU value no task has is the CPU's fault, wherever memory was chosen.
    expect(problemsOf((s) => (s.services[0].overrides = { cpu: 333, memoryMb: 1024 }))).toEqual([
      "services[0].overrides.cpu: dev, staging, prod: Fargate offers no task of 333 CPU units; " +
        "use one of 256, 512, 1024, 2048, 4096, 8192, 16384",
    ]);
  });

  it("rejects counts out of order", () => {
    expect(problemsOf((s) => (s.services[0].environments = { dev: { desiredCount: 3 } }))).toEqual([
      "services[0].environments.dev.desiredCount: dev: desiredCount 3 must be within minCount 1 and maxCount 2",
    ]);
    expect(problemsOf((s) => (s.services[0].overrides = { minCount: 4, maxCount: 3 }))).toEqual([
      "services[0].overrides.minCount: dev, staging, prod: minCount 4 is above maxCount 3",
    ]);
  });

  it("rejects a variable that a database or cache grant's connection settings would clash with", () => {
    expect(
      problemsOf((s) => {
        s.database = { engine: "postgres", version: "16" };
        s.cache = { engine: "redis", version: "7" };
        s.secrets.push({ name: "database-url" });
        s.services[0].grants.database = true;
        s.services[0].grants.cache = true;
        s.services[0].secrets.DATABASE_URL = "database-url";
        s.services[0].environment.REDIS_HOST = "localhost";
      }),
    ).toEqual([
      "services[0].secrets.DATABASE_URL: DATABASE_* variables come from the database grant; rename this one or drop it",
      "services[0].environment.REDIS_HOST: REDIS_* variables come from the cache grant; rename this one or drop it",
    ]);
  });

  it("rejects secrets, buckets, keys, database and cache the config does not declare", () => {
    expect(
      problemsOf((s) => {
        s.services[0].secrets = { STRIPE_KEY: "stripe" };
        s.services[0].grants = { buckets: [{ name: "reports", access: "read" }], keys: ["other"], database: true, cache: true };
      }),
    ).toEqual([
      'services[0].secrets.STRIPE_KEY: names secret "stripe", which secrets does not declare (declared: jwt-secret)',
      'services[0].grants.buckets[0].name: names bucket "reports", which buckets does not declare (declared: uploads)',
      'services[0].grants.keys[0]: names key "other", which keys does not declare (declared: phi-fields)',
      "services[0].grants.database: the config has no database; declare one or drop the grant",
      "services[0].grants.cache: the config has no cache; declare one or drop the grant",
    ]);
  });

  it("rejects a variable that is both plain and secret", () => {
    expect(problemsOf((s) => (s.services[0].environment.JWT_SECRET = "x"))).toContainEqual(
      "services[0].environment.JWT_SECRET: is also a secret of this service; set it in one place",
    );
  });

  it("requires HTTPS: a certificate per environment, in its account and region", () => {
    expect(problemsOf((s) => delete s.edge)).toEqual(
      ["dev", "staging", "prod"].map(
        (e) =>
          `edge.alb.certificateArns.${e}: ${e}: HTTPS needs a certificate; ` +
          `give the ARN of an ACM certificate in ${e}'s account and region, ` +
          `or edge.alb.domains.${e} with a zone to validate one in`,
      ),
    );
    expect(problemsOf((s) => (s.edge.alb.certificateArns.prod = CERT("111111111111", "eu-west-1")))).toEqual([
      "edge.alb.certificateArns.prod: is in account 111111111111; prod deploys to 333333333333",
      "edge.alb.certificateArns.prod: is in eu-west-1; prod's ALB is in eu-central-1",
    ]);
  });

  it("rejects a root port, a mutable-looking tag, duplicate names and a second ECS service without routing", () => {
    const problems = problemsOf((s) => {
      s.services.push({ ...s.services[0], port: 80, imageTag: "latest:1" });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^services\[1\]\.port: must be at least 1024/),
        expect.stringMatching(/^services\[1\]\.imageTag: must be an image tag/),
      ]),
    );
    const second = problemsOf((s) => s.services.push({ ...s.services[0] }));
    expect(second).toEqual([
      'services[1].name: duplicate service name "api", already at services[0]',
      "services[0].routing.default: no ECS service is the default: " +
        "set routing.default on the one that gets every request no other rule matches",
      "services[0].routing: reaches no request: give it pathPatterns or hostHeaders, or make it the default",
      "services[1].routing: reaches no request: give it pathPatterns or hostHeaders, or make it the default",
    ]);
  });
});
