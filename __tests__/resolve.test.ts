import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appSpecJsonSchema } from "../config/json-schema";
import { PRESETS } from "../config/presets";
import { declaredEnvironments, resolve } from "../config/resolve";
import { baseSpec, validSpec } from "./helpers";

describe("resolve", () => {
  it("fills an environment from its preset", () => {
    const r = resolve(validSpec(baseSpec()), "dev");
    expect(r.settings).toEqual(PRESETS.dev);
    expect(r.region).toBe("eu-central-1");
    expect(r.stackNames).toEqual({ bootstrap: "demo-dev-bootstrap", app: "demo-dev-app" });
    expect(r.buckets).toEqual([
      expect.objectContaining({
        name: "uploads",
        bucketName: "demo-dev-uploads-111111111111",
        cloudTrailDataEvents: true,
        replica: undefined,
      }),
    ]);
    expect(r.network.subnets).toEqual({
      public: ["10.0.0.0/20", "10.0.16.0/20"],
      app: ["10.0.64.0/20", "10.0.80.0/20"],
      data: ["10.0.128.0/20", "10.0.144.0/20"],
    });
  });

  it("deep-merges per-environment overrides, leaving the rest of the preset", () => {
    const spec = baseSpec();
    spec.environments.staging!.overrides = { logs: { auditRetentionDays: 2557 }, protection: { preventDestroy: true } };
    const r = resolve(validSpec(spec), "staging");
    expect(r.settings.logs).toEqual({ retentionDays: PRESETS.staging.logs.retentionDays, auditRetentionDays: 2557 });
    expect(r.settings.protection.preventDestroy).toBe(true);
    expect(r.settings.kms).toEqual(PRESETS.staging.kms);
    expect(PRESETS.staging.logs.auditRetentionDays).toBe(731);
  });

  it("returns a frozen object", () => {
    const r = resolve(validSpec(baseSpec()), "prod");
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.settings.logs)).toBe(true);
    expect(() => {
      (r.tags as Record<string, string>).Owner = "x";
    }).toThrow(TypeError);
  });

  it("differs between dev and prod as the presets say", () => {
    const spec = validSpec(baseSpec());
    expect(resolve(spec, "dev").settings.protection.preventDestroy).toBe(false);
    expect(resolve(spec, "prod").settings.protection.preventDestroy).toBe(true);
    expect(resolve(spec, "prod").settings.logs.auditRetentionDays).toBe(2557);
  });

  it("admits the deploy and state roles to state by default; principalArns replaces them, per environment too", () => {
    const deploy = "arn:aws:iam::333333333333:role/demo-prod-deploy";
    const stateRole = "arn:aws:iam::999999999999:role/tfstate";
    const spec = baseSpec();
    spec.environments.prod!.deployRoleArn = deploy;
    spec.environments.prod!.state = {
      accountId: "999999999999",
      roleArn: stateRole,
      breakGlassRoleArn: "arn:aws:iam::999999999999:role/break-glass",
    };
    expect(resolve(validSpec(spec), "prod").state).toMatchObject({
      principalArns: [deploy, stateRole],
      breakGlassRoleArn: "arn:aws:iam::999999999999:role/break-glass",
    });
    expect(resolve(validSpec(spec), "dev").state.principalArns).toEqual([]);

    spec.state = { principalArns: ["arn:aws:iam::999999999999:role/ci"] };
    expect(resolve(validSpec(spec), "dev").state.principalArns).toEqual(["arn:aws:iam::999999999999:role/ci"]);
    spec.environments.prod!.state.principalArns = [deploy];
    expect(resolve(validSpec(spec), "prod").state.principalArns).toEqual([deploy]);
  });

  it("builds only the declared environments", () => {
    const spec = baseSpec();
    delete spec.environments.staging;
    expect(declaredEnvironments(validSpec(spec))).toEqual(["dev", "prod"]);
    expect(() => resolve(validSpec(spec), "staging")).toThrow(/not declared/);
  });
});

describe("JSON Schema", () => {
  it("the committed app-spec.schema.json is the one the zod schema generates (run `npm run schema`)", () => {
    const committed = readFileSync(join(__dirname, "..", "config", "app-spec.schema.json"), "utf8");
    expect(committed).toBe(appSpecJsonSchema());
    const schema = JSON.parse(committed);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(["app", "primaryRegion", "allowedRegions", "environments"]));
  });

  it("the default config references it", () => {
    const config = JSON.parse(readFileSync(join(__dirname, "..", "app.config.json"), "utf8"));
    expect(config.$schema).toBe("./config/app-spec.schema.json");
  });
  describe("cache", () => {
    it("takes sizes and care from the preset, the version from the table, failover from the node count", () => {
      const spec: any = baseSpec();
      spec.cache = { engine: "valkey", version: "8" };
      spec.environments.staging.overrides = { cache: { nodeCount: 2 } };
      const dev = resolve(validSpec(spec), "dev").cache!;
      expect(dev).toMatchObject({
        engine: "valkey",
        majorVersion: "8",
        engineVersion: "8.2",
        replicationGroupId: "demo-dev-cache",
        nodeCount: 1,
        automaticFailover: false,
        finalSnapshot: false,
        port: 6379,
      });
      expect(dev).toMatchObject({
        authSecretName: "demo/dev/cache-auth-token",
        authToken: { length: 64, special: false },
        logRetentionDays: 365,
      });
      expect(resolve(validSpec(spec), "staging").cache).toMatchObject({ nodeCount: 2, multiAz: false, automaticFailover: true });
      expect(resolve(validSpec(spec), "prod").cache).toMatchObject({
        nodeCount: 2,
        multiAz: true,
        automaticFailover: true,
        finalSnapshot: true,
        snapshotRetentionDays: 7,
      });
      expect(resolve(validSpec(baseSpec()), "prod").cache).toBeUndefined();
    });
  });

  describe("database", () => {
    const withDb = (database: any, change: (s: any) => void = () => {}) => {
      const spec: any = baseSpec();
      spec.database = database;
      change(spec);
      return validSpec(spec);
    };

    it("takes sizes and care from the preset, the final snapshot from protection", () => {
      const spec = withDb({ engine: "postgres", version: "16" });
      const dev = resolve(spec, "dev").database!;
      const prod = resolve(spec, "prod").database!;
      expect(dev).toMatchObject({
        identifier: "demo-dev-db",
        databaseName: "demo",
        instanceClass: "db.t4g.micro",
        multiAz: false,
        finalSnapshot: false,
        upgradeTo: undefined,
      });
      expect(prod).toMatchObject({
        instanceClass: "db.t4g.medium",
        multiAz: true,
        backupRetentionDays: 35,
        finalSnapshot: true,
        logRetentionDays: 2557,
      });
      expect(prod.engineLifecycleSupport).toBe("open-source-rds-extended-support");
      expect(resolve(validSpec(baseSpec()), "prod").database).toBeUndefined();
    });

    it("lets the spec and an environment override sizes, the environment winning", () => {
      const spec = withDb({ engine: "postgres", version: "16", name: "care_db" }, (s) => {
        s.overrides = { database: { backupRetentionDays: 30, instanceClass: "db.m7g.large" } };
        s.environments.prod.overrides = { database: { instanceClass: "db.r7g.xlarge" } };
      });
      expect(resolve(spec, "staging").database).toMatchObject({
        databaseName: "care_db",
        backupRetentionDays: 30,
        instanceClass: "db.m7g.large",
      });
      expect(resolve(spec, "prod").database).toMatchObject({ backupRetentionDays: 30, instanceClass: "db.r7g.xlarge" });
    });

    it("names the upgrade for MySQL 8.0, past standard support, and warns about it", () => {
      const { engineSupportWarning } = require("../config/database-engines") as typeof import("../config/database-engines");
      const db = resolve(withDb({ engine: "mysql", version: "8.0" }), "prod").database!;
      expect(db).toMatchObject({ majorVersion: "8.0", endOfStandardSupport: "2026-07-31", upgradeTo: "8.4" });
      expect(engineSupportWarning("demo-prod-app", db)).toBe(
        "warning: demo-prod-app: RDS for mysql 8.0 left standard support on 2026-07-31 and bills Extended Support " +
          "(engine_lifecycle_support = open-source-rds-extended-support); " +
          'upgrade to 8.4 (database.version "8.4") after testing the app on it.',
      );
      const current = resolve(withDb({ engine: "mysql", version: "8.4" }), "prod").database!;
      expect(current.upgradeTo).toBeUndefined();
      expect(engineSupportWarning("demo-prod-app", current)).toBeUndefined();
    });

    it("names Aurora PostgreSQL as AWS does in its support warning", () => {
      const { engineSupportWarning } = require("../config/database-engines") as typeof import("../config/database-engines");
      const warning = engineSupportWarning("demo-prod-app", {
        engine: "aurora-postgresql",
        majorVersion: "13",
        endOfStandardSupport: "2026-02-28",
        upgradeTo: "17",
        engineLifecycleSupport: "open-source-rds-extended-support",
      });
      expect(warning).toMatch(/^warning: demo-prod-app: Aurora PostgreSQL 13 left standard support on 2026-02-28/);
    });

    it("turns Performance Insights off only where the engine does not offer it on the class", () => {
      const mysql = withDb({ engine: "mysql", version: "8.4" });
      expect(resolve(mysql, "dev").database!.performanceInsights).toBe(false); // db.t4g.micro
      expect(resolve(mysql, "prod").database!.performanceInsights).toBe(true);
      expect(resolve(withDb({ engine: "postgres", version: "16" }), "dev").database!.performanceInsights).toBe(true);
    });
  });
});
