import { App } from "cdktf";
import { resolve } from "../config/resolve";
import type { AppSpec, EnvironmentName } from "../config/schema";
import { AppStack, unwatchedAlarmsWarning } from "../stacks/app-stack";
import { evaluateStack } from "../guardrails/enforce";
import { blocking } from "../guardrails/engine";
import { BootstrapStack, stateAccessWarning } from "../stacks/bootstrap-stack";
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
        expect.objectContaining({
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
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
    expect(
      companionOf(tf, "aws_s3_bucket_server_side_encryption_configuration", logBucket).rule[0].apply_server_side_encryption_by_default
        .sse_algorithm,
    ).toBe("AES256");
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
    spec.state = {
      bucketName: "{app}-terraform-state-{env}",
      lockTableName: "{app}-terraform-locks-{env}",
      key: "{app}-{env}/infrastructure/terraform.tfstate",
    };
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
    expect(provider.assume_role).toEqual([
      { role_arn: "arn:aws:iam::999999999999:role/state-admin", session_name: "demo-prod-bootstrap-deploy" },
    ]);
  });

  const deployRoleTitle =
    "reaches state in the environment's account with the deploy role when no state role is set, " + "so the admitted role is the one used";
  it(deployRoleTitle, () => {
    const spec = baseSpec();
    const deployRole = "arn:aws:iam::333333333333:role/demo-prod-deploy";
    spec.environments.prod!.deployRoleArn = deployRole;
    expect(bootstrapTf(spec, "prod").provider!.aws[0].assume_role).toEqual([
      { role_arn: deployRole, session_name: "demo-prod-bootstrap-deploy" },
    ]);
    expect(appTf(spec, "prod").terraform!.backend.s3.assume_role).toEqual({ role_arn: deployRole, session_name: "demo-prod-state" });
    spec.environments.prod!.state = { accountId: "999999999999" };
    expect(bootstrapTf(spec, "prod").provider!.aws[0]).not.toHaveProperty("assume_role");
    expect(appTf(spec, "prod").terraform!.backend.s3).not.toHaveProperty("assume_role");
  });
});

describe("BootstrapStack state access", () => {
  const deploy = "arn:aws:iam::333333333333:role/demo-prod-deploy";
  const stateRole = "arn:aws:iam::333333333333:role/demo-prod-tfstate";
  const breakGlass = "arn:aws:iam::333333333333:role/break-glass";
  const stateBucket = "demo-prod-tfstate-333333333333";
  const admittedOnly = (roles: string[]) => ({
    ArnNotLike: { "aws:PrincipalArn": roles },
    Bool: { "aws:PrincipalIsAWSService": "false" },
  });
  const bucketPolicy = (tf: TfJson) => JSON.parse(companionOf(tf, "aws_s3_bucket_policy", stateBucket).policy).Statement;
  /** The key that encrypts the state bucket (and, by reference, the lock table). */
  function stateKeyPolicy(tf: TfJson) {
    const sse = companionOf(tf, "aws_s3_bucket_server_side_encryption_configuration", stateBucket).rule[0];
    const keyRef = sse.apply_server_side_encryption_by_default.kms_master_key_id;
    expect(onlyResource(tf, "aws_dynamodb_table").server_side_encryption.kms_key_arn).toBe(keyRef);
    return JSON.parse(referenced(tf, keyRef).policy).Statement;
  }
  const principalDenies = (statements: any[]) => statements.filter((st) => JSON.stringify(st.Condition ?? {}).includes("aws:PrincipalArn"));
  function withRoles(state: AppSpec["state"]): AppSpec {
    const spec = baseSpec();
    spec.environments.prod!.deployRoleArn = deploy;
    spec.environments.prod!.state = state;
    return spec;
  }

  it("denies state objects and key use to every IAM principal but the Terraform and break-glass roles", () => {
    const tf = bootstrapTf(withRoles({ roleArn: stateRole, breakGlassRoleArn: breakGlass }), "prod");
    const roles = [deploy, stateRole, breakGlass];
    expect(principalDenies(bucketPolicy(tf))).toEqual([
      {
        Sid: "DenyStateAccessExceptTerraformRoles",
        Effect: "Deny",
        Principal: "*",
        Action: [
          "s3:GetObject*",
          "s3:PutObject*",
          "s3:DeleteObject*",
          "s3:ListBucket*",
          "s3:ListMultipartUploadParts",
          "s3:AbortMultipartUpload",
        ],
        Resource: [`arn:aws:s3:::${stateBucket}`, `arn:aws:s3:::${stateBucket}/*`],
        Condition: admittedOnly(roles),
      },
    ]);
    expect(principalDenies(stateKeyPolicy(tf))).toEqual([
      {
        Sid: "DenyKeyUseExceptTerraformRoles",
        Effect: "Deny",
        Principal: "*",
        Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
        Resource: "*",
        Condition: admittedOnly(roles),
      },
    ]);
  });

  it("leaves policy management to the account, so an administrator or root can repair a wrong list", () => {
    const tf = bootstrapTf(withRoles(undefined), "prod");
    const denied = [...principalDenies(bucketPolicy(tf)), ...principalDenies(stateKeyPolicy(tf))].flatMap((st) => st.Action);
    expect(denied).toHaveLength(10);
    for (const action of denied)
      expect(action).not.toMatch(/^(s3:\*|s3:.*Bucket(Policy|Acl)|kms:\*|kms:.*(KeyPolicy|Grant|Delete|Disable))/);
    expect(stateKeyPolicy(tf)[0]).toMatchObject({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::333333333333:root" }, Action: "kms:*" });
  });

  it("admits the deploy role by default, or exactly the principalArns given", () => {
    expect(principalDenies(bucketPolicy(bootstrapTf(withRoles(undefined), "prod")))[0].Condition).toEqual(admittedOnly([deploy]));
    const ci = "arn:aws:iam::444444444444:role/ci/terraform";
    const tf = bootstrapTf(withRoles({ principalArns: [ci], breakGlassRoleArn: breakGlass }), "prod");
    expect(principalDenies(stateKeyPolicy(tf))[0].Condition).toEqual(admittedOnly([ci, breakGlass]));
  });

  it("passes the guardrails with the deny in place (a conditioned Deny to * is no lockout and no public grant)", () => {
    const stack = new BootstrapStack(new App(), resolve(validSpec(withRoles({ roleArn: stateRole })), "prod"));
    expect(principalDenies(bucketPolicy(synthStack(stack)))).toHaveLength(1);
    const report = evaluateStack({ stack });
    expect(blocking(report)).toEqual([]);
    const verdicts = (id: string) => [...new Set(report.findings.filter((f) => f.ruleId === id).map((f) => f.status))];
    for (const id of ["CKV_AWS_93", "CKV_AWS_70", "CKV_AWS_33"]) expect(verdicts(id)).toEqual(["passed"]);
  });

  it("keeps the policies open and warns when no Terraform role is named (a break-glass role alone restricts nothing)", () => {
    const spec = baseSpec();
    spec.environments.prod!.state = { breakGlassRoleArn: breakGlass };
    const tf = bootstrapTf(spec, "prod");
    expect(principalDenies(bucketPolicy(tf))).toEqual([]);
    expect(principalDenies(stateKeyPolicy(tf))).toEqual([]);
    expect(stateAccessWarning(resolve(validSpec(spec), "prod"))).toBe(
      "warning: demo-prod-bootstrap: the state bucket and key are open to every IAM principal of account 333333333333 " +
        "with S3 and KMS rights; set environments.prod.deployRoleArn, environments.prod.state.roleArn " +
        "or environments.prod.state.principalArns to admit only the roles that run Terraform",
    );
    expect(stateAccessWarning(resolve(validSpec(withRoles(undefined)), "prod"))).toBeUndefined();
  });
});

describe("prod's alarm topic", () => {
  it("warns when nothing subscribes to it (alerts would reach no one), only in prod, silent once an address is set", () => {
    const spec = baseSpec();
    const subscriptions = resourcesOfType(appTf(spec, "prod"), "aws_sns_topic_subscription");
    expect(subscriptions).toEqual([]);
    expect(unwatchedAlarmsWarning(resolve(validSpec(spec), "prod"))).toBe(
      "warning: demo-prod-app: nothing subscribes to the alarm topic, so security alerts (GuardDuty, Config, root use, " +
        "key deletion), alarms and backup failures reach no one; set alarmEmails, or subscribe your on-call tooling " +
        "to the topic outside this config",
    );
    expect(unwatchedAlarmsWarning(resolve(validSpec(spec), "staging"))).toBeUndefined();
    const watched = { ...baseSpec(), alarmEmails: ["oncall@example.com"] };
    expect(unwatchedAlarmsWarning(resolve(validSpec(watched), "prod"))).toBeUndefined();
    expect(resourcesOfType(appTf(watched, "prod"), "aws_sns_topic_subscription").length).toBeGreaterThan(0);
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
    spec.environments.staging!.state = { accountId: "999999999999", roleArn: "arn:aws:iam::999999999999:role/tfstate" };
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
    expect(provider.assume_role).toEqual([
      { role_arn: "arn:aws:iam::333333333333:role/demo-prod-deploy", session_name: "demo-prod-app-deploy" },
    ]);
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

  it("sets the key deletion window per environment", () => {
    for (const key of resourcesOfType(appTf(baseSpec(), "dev"), "aws_kms_key")) expect(key.deletion_window_in_days).toBe(7);
    for (const key of resourcesOfType(appTf(baseSpec(), "prod"), "aws_kms_key")) expect(key.deletion_window_in_days).toBe(30);
  });
});
