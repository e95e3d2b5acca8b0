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
    expect(r.buckets).toEqual([expect.objectContaining({ name: "uploads", bucketName: "demo-dev-uploads-111111111111", cloudTrailDataEvents: true, replica: undefined })]);
    expect(r.network.subnets).toEqual({ public: ["10.0.0.0/20", "10.0.16.0/20"], app: ["10.0.64.0/20", "10.0.80.0/20"], data: ["10.0.128.0/20", "10.0.144.0/20"] });
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
    spec.environments.prod!.state = { accountId: "999999999999", roleArn: stateRole, breakGlassRoleArn: "arn:aws:iam::999999999999:role/break-glass" };
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
});
