/**
 * One protection model: the environment's decision reaches every stateful resource of a
 * stack through one aspect, whatever construct created it.
 */
import { App, type TerraformStack } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { resolve } from "../config/resolve";
import { AppStack } from "../stacks/app-stack";
import { BootstrapStack } from "../stacks/bootstrap-stack";
import { STATEFUL_RESOURCE_TYPES } from "../stacks/protection";
import { baseSpec, synthStack, validSpec, type TfJson } from "./helpers";
import type { AppSpec } from "../config/schema";

/** Every resource of a stateful type, as [address, resource]. */
const statefulResources = (tf: TfJson): [string, Record<string, any>][] =>
  Object.entries(tf.resource ?? {})
    .filter(([type]) => STATEFUL_RESOURCE_TYPES.includes(type))
    .flatMap(([type, byName]) => Object.entries(byName).map(([n, r]): [string, Record<string, any>] => [`${type}.${n}`, r]));

function specWithEverything(): AppSpec {
  const spec = baseSpec();
  spec.drRegion = "eu-west-1";
  spec.buckets = [{ name: "uploads", replicateIn: ["dev", "prod"] }];
  spec.keys = [{ purpose: "phi-fields", description: "Field-level PHI encryption" }];
  spec.secrets = [
    { name: "app", generate: { length: 32 } },
    { name: "api", keys: { TOKEN: { length: 40 }, PARTNER: "external" } },
  ];
  return validSpec(spec);
}

const build = (spec: AppSpec, env: "dev" | "prod", Stack: new (app: App, e: ReturnType<typeof resolve>) => TerraformStack) =>
  new Stack(new App(), resolve(spec, env));

describe("protection of stateful resources", () => {
  it("lists the types a destroy or replacement would lose, databases and generated secrets included", () => {
    for (const type of [
      "aws_s3_bucket",
      "aws_dynamodb_table",
      "aws_kms_key",
      "aws_db_instance",
      "aws_rds_cluster",
      "random_password",
      "aws_secretsmanager_secret",
    ]) {
      expect(STATEFUL_RESOURCE_TYPES).toContain(type);
    }
  });

  it.each([
    ["prod", true],
    ["dev", false],
  ] as const)("app stack in %s: prevent_destroy is %s on every stateful resource", (env, expected) => {
    const found = statefulResources(synthStack(build(specWithEverything(), env, AppStack)));
    const types = new Set(found.map(([a]) => a.split(".")[0]));
    expect([...types].sort()).toEqual([
      "aws_cloudtrail",
      "aws_cloudwatch_log_group",
      "aws_guardduty_detector",
      "aws_kms_alias",
      "aws_kms_key",
      "aws_s3_bucket",
      "aws_s3_bucket_object_lock_configuration",
      "aws_secretsmanager_secret",
      "random_password",
    ]);
    for (const [address, r] of found)
      expect({ address, lifecycle: r.lifecycle }).toEqual({ address, lifecycle: { prevent_destroy: expected } });
  });

  it("follows protection.preventDestroy when a config overrides the preset", () => {
    const spec = specWithEverything();
    spec.environments.dev!.overrides = { protection: { preventDestroy: true } };
    for (const [, r] of statefulResources(synthStack(build(spec, "dev", AppStack)))) expect(r.lifecycle.prevent_destroy).toBe(true);
  });

  it("keeps a resource's other lifecycle settings", () => {
    const tf = synthStack(build(specWithEverything(), "prod", AppStack));
    const versions = Object.values(tf.resource!.aws_secretsmanager_secret_version);
    expect(versions.some((v: any) => v.lifecycle?.ignore_changes?.includes("secret_string"))).toBe(true);
    for (const v of versions as any[]) expect(v.lifecycle?.prevent_destroy).toBeUndefined();
  });

  it("covers stateful resources added to the stack after it was built", () => {
    const stack = build(specWithEverything(), "prod", AppStack);
    new S3Bucket(stack, "LateBucket", { bucket: "demo-prod-late-333333333333" });
    expect(synthStack(stack).resource!.aws_s3_bucket.LateBucket.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("bootstrap stack: protected in every environment, lock table with deletion protection", () => {
    const tf = synthStack(build(specWithEverything(), "dev", BootstrapStack));
    const found = statefulResources(tf);
    expect(found.map(([a]) => a.split(".")[0]).sort()).toEqual([
      "aws_dynamodb_table",
      "aws_kms_alias",
      "aws_kms_key",
      "aws_s3_bucket",
      "aws_s3_bucket",
    ]);
    for (const [, r] of found) expect(r.lifecycle).toEqual({ prevent_destroy: true });
    expect(Object.values(tf.resource!.aws_dynamodb_table)[0]).toMatchObject({ deletion_protection_enabled: true });
  });
});
