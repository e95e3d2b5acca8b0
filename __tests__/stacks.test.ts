import { App } from "cdktf";
import { resolve } from "../config/resolve";
import type { AppSpec, EnvironmentName } from "../config/schema";
import { AppStack } from "../stacks/app-stack";
import { BootstrapStack } from "../stacks/bootstrap-stack";
import { baseSpec, onlyResource, referenced, resourcesOfType, synthStack, validSpec, type TfJson } from "./helpers";

function bootstrapTf(spec: AppSpec, env: EnvironmentName): TfJson {
  return synthStack(new BootstrapStack(new App(), resolve(validSpec(spec), env)));
}
function appTf(spec: AppSpec, env: EnvironmentName): TfJson {
  return synthStack(new AppStack(new App(), resolve(validSpec(spec), env)));
}
const bucketNamed = (tf: TfJson, name: string) => resourcesOfType(tf, "aws_s3_bucket").find((b) => b.bucket === name)!;
/** The companion resource of a type whose `bucket` references the given bucket. */
function companionOf(tf: TfJson, type: string, bucketName: string): Record<string, any> {
  const matches = resourcesOfType(tf, type).filter((r) => referenced(tf, r.bucket).bucket === bucketName);
  expect(matches).toHaveLength(1);
  return matches[0];
}

describe("BootstrapStack", () => {
  const tf = bootstrapTf(baseSpec(), "prod");
  const stateBucket = "demo-prod-tfstate-333333333333";
  const logBucket = "demo-prod-tfstate-333333333333-logs";

  it("creates a protected state bucket, versioned, encrypted with the rotating state key", () => {
    expect(bucketNamed(tf, stateBucket)).toMatchObject({ force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(companionOf(tf, "aws_s3_bucket_versioning", stateBucket).versioning_configuration.status).toBe("Enabled");
    const sse = companionOf(tf, "aws_s3_bucket_server_side_encryption_configuration", stateBucket).rule[0];
    expect(sse.apply_server_side_encryption_by_default.sse_algorithm).toBe("aws:kms");
    expect(sse.bucket_key_enabled).toBe(true);
    const key = referenced(tf, sse.apply_server_side_encryption_by_default.kms_master_key_id);
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(onlyResource(tf, "aws_kms_alias").name).toBe("alias/demo-prod-tfstate");
  });

  it("blocks all public access and ACLs on the state bucket", () => {
    expect(companionOf(tf, "aws_s3_bucket_public_access_block", stateBucket)).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(companionOf(tf, "aws_s3_bucket_ownership_controls", stateBucket).rule.object_ownership).toBe("BucketOwnerEnforced");
  });

  it("denies non-TLS and TLS < 1.2 requests", () => {
    const policy = JSON.parse(companionOf(tf, "aws_s3_bucket_policy", stateBucket).policy);
    expect(policy.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        expect.objectContaining({ Effect: "Deny", Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } }),
      ]),
    );
  });

  it("expires noncurrent versions and aborts incomplete uploads on the whole bucket", () => {
    const rule = companionOf(tf, "aws_s3_bucket_lifecycle_configuration", stateBucket).rule[0];
    expect(rule).toMatchObject({
      status: "Enabled",
      filter: [{}],
      abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      noncurrent_version_expiration: [{ noncurrent_days: 365 }],
    });
  });

  it("logs state bucket access to a log bucket that accepts S3 log delivery", () => {
    const logging = companionOf(tf, "aws_s3_bucket_logging", stateBucket);
    expect(referenced(tf, logging.target_bucket).bucket).toBe(logBucket);
    expect(logging.target_prefix).toBe(`${stateBucket}/`);
    const policy = JSON.parse(companionOf(tf, "aws_s3_bucket_policy", logBucket).policy);
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({
        Effect: "Allow",
        // arrays: Trivy's log-target exemption uses Rego `in`, which needs a list
        Principal: { Service: ["logging.s3.amazonaws.com"] },
        Action: ["s3:PutObject"],
        Condition: expect.objectContaining({ StringEquals: { "aws:SourceAccount": "333333333333" } }),
      }),
    );
    expect(companionOf(tf, "aws_s3_bucket_server_side_encryption_configuration", logBucket).rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe("AES256");
  });

  it("creates the lock table: LockID, on-demand, PITR, CMK, deletion protection, prevent_destroy", () => {
    const table = onlyResource(tf, "aws_dynamodb_table");
    expect(table).toMatchObject({
      name: "demo-prod-tflock",
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      billing_mode: "PAY_PER_REQUEST",
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true },
      deletion_protection_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(referenced(tf, table.server_side_encryption.kms_key_arn).enable_key_rotation).toBe(true);
  });

  it("keeps its own state locally outside cdktf.out until switched to S3", () => {
    expect(tf.terraform!.backend).toEqual({ local: { path: "../../../terraform-state/demo-prod-bootstrap.tfstate" } });
    const spec = baseSpec();
    spec.environments.prod!.state = { bootstrapBackend: "s3" };
    expect(bootstrapTf(spec, "prod").terraform!.backend.s3).toMatchObject({
      bucket: stateBucket,
      key: "demo/prod/bootstrap.tfstate",
      dynamodb_table: "demo-prod-tflock",
      encrypt: true,
    });
  });

  it("creates no lock table when locking is S3-only", () => {
    const spec = baseSpec();
    spec.state = { locking: "s3" };
    expect(resourcesOfType(bootstrapTf(spec, "dev"), "aws_dynamodb_table")).toEqual([]);
  });

  it("names state resources from templates (R5's naming)", () => {
    const spec = baseSpec();
    spec.state = { bucketName: "{app}-terraform-state-{env}", lockTableName: "{app}-terraform-locks-{env}", key: "{app}-{env}/infrastructure/terraform.tfstate" };
    const bt = bootstrapTf(spec, "staging");
    expect(bucketNamed(bt, "demo-terraform-state-staging")).toBeDefined();
    expect(onlyResource(bt, "aws_dynamodb_table").name).toBe("demo-terraform-locks-staging");
    expect(appTf(spec, "staging").terraform!.backend.s3.key).toBe("demo-staging/infrastructure/terraform.tfstate");
  });

  it("deploys to the state account with the state role", () => {
    const spec = baseSpec();
    spec.environments.prod!.state = { accountId: "999999999999", roleArn: "arn:aws:iam::999999999999:role/state-admin" };
    const provider = bootstrapTf(spec, "prod").provider!.aws[0];
    expect(provider.allowed_account_ids).toEqual(["999999999999"]);
    expect(provider.assume_role).toEqual([{ role_arn: "arn:aws:iam::999999999999:role/state-admin", session_name: "demo-prod-bootstrap-deploy" }]);
  });
});

describe("AppStack backend", () => {
  it.each(["dev", "staging", "prod"] as const)("points %s at its own bootstrap with a unique key", (env) => {
    const account = { dev: "111111111111", staging: "222222222222", prod: "333333333333" }[env];
    expect(appTf(baseSpec(), env).terraform!.backend).toEqual({
      s3: {
        bucket: `demo-${env}-tfstate-${account}`,
        key: `demo/${env}/terraform.tfstate`,
        region: "eu-central-1",
        encrypt: true,
        kms_key_id: `arn:aws:kms:eu-central-1:${account}:alias/demo-${env}-tfstate`,
        dynamodb_table: `demo-${env}-tflock`,
      },
    });
  });

  it.each([
    ["dynamodb", { dynamodb_table: "demo-dev-tflock" }, ["use_lockfile"]],
    ["s3", { use_lockfile: true }, ["dynamodb_table"]],
    ["both", { dynamodb_table: "demo-dev-tflock", use_lockfile: true }, []],
  ] as const)("locks with %s", (locking, present, absent) => {
    const spec = baseSpec();
    spec.state = { locking };
    const backend = appTf(spec, "dev").terraform!.backend.s3;
    expect(backend).toMatchObject(present);
    for (const key of absent) expect(backend).not.toHaveProperty(key);
  });

  it("assumes a separate role for the backend (state in another account)", () => {
    const spec = baseSpec();
    spec.environments.staging!.state = { roleArn: "arn:aws:iam::999999999999:role/tfstate" };
    expect(appTf(spec, "staging").terraform!.backend.s3.assume_role).toEqual({
      role_arn: "arn:aws:iam::999999999999:role/tfstate",
      session_name: "demo-staging-state",
    });
  });
});

describe("AppStack provider", () => {
  it("guards the account, tags everything and assumes the deploy role", () => {
    const spec = baseSpec();
    spec.environments.prod!.deployRoleArn = "arn:aws:iam::333333333333:role/demo-prod-deploy";
    spec.environments.prod!.tags = { CostCenter: "cc-9" };
    const provider = appTf(spec, "prod").provider!.aws[0];
    expect(provider.region).toBe("eu-central-1");
    expect(provider.allowed_account_ids).toEqual(["333333333333"]);
    expect(provider.assume_role).toEqual([{ role_arn: "arn:aws:iam::333333333333:role/demo-prod-deploy", session_name: "demo-prod-app-deploy" }]);
    expect(provider.default_tags).toEqual([
      {
        tags: {
          Application: "demo",
          Environment: "prod",
          ManagedBy: "cdktf",
          DataClassification: "pii",
          Compliance: "GDPR",
          Owner: "team-a",
          CostCenter: "cc-9",
        },
      },
    ]);
  });

  it("uses the caller's credentials when no deploy role is set", () => {
    expect(appTf(baseSpec(), "dev").provider!.aws[0]).not.toHaveProperty("assume_role");
  });

  it("protects data resources from destroy in prod only", () => {
    const spec = baseSpec();
    spec.secrets = [{ name: "app", generate: { length: 32 } }];
    const prod = appTf(spec, "prod");
    const dev = appTf(spec, "dev");
    for (const type of ["aws_s3_bucket", "aws_kms_key", "aws_cloudwatch_log_group", "aws_secretsmanager_secret"]) {
      expect(resourcesOfType(prod, type).length).toBeGreaterThan(0);
      for (const r of resourcesOfType(prod, type)) expect(r.lifecycle).toEqual({ prevent_destroy: true });
      for (const r of resourcesOfType(dev, type)) expect(r.lifecycle).toEqual({ prevent_destroy: false });
    }
    for (const key of resourcesOfType(dev, "aws_kms_key")) expect(key.deletion_window_in_days).toBe(7);
    for (const key of resourcesOfType(prod, "aws_kms_key")) expect(key.deletion_window_in_days).toBe(30);
  });
});
