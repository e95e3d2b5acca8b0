import { App, Testing } from "cdktf";
import { resolve } from "../../config/resolve";
import { mergeStatements } from "../../constructs/grants";
import { sid } from "../../constructs/policy-document";
import { ServiceRole } from "../../constructs/service-role";
import { evaluate } from "../../guardrails/engine";
import { AppStack } from "../../stacks/app-stack";
import { baseSpec, resourcesOfType, synthStack, validSpec } from "../helpers";
import type { AppSpec } from "../../config/schema";

const taskRole = (stack: AppStack, name = "api") =>
  new ServiceRole(stack, `TaskRole-${name}`, {
    roleName: `demo-prod-${name}-task`,
    service: "ecs-tasks.amazonaws.com",
    sourceAccountId: "333333333333",
    description: "API task",
  });

function stackWith(edit: (spec: AppSpec) => void = () => undefined): AppStack {
  const spec = baseSpec();
  spec.buckets = [{ name: "reports" }];
  spec.keys = [{ purpose: "phi-fields", description: "Field-level PHI encryption" }];
  spec.secrets = [{ name: "app", generate: { length: 32 } }];
  edit(spec);
  return new AppStack(new App(), resolve(validSpec(spec), "prod"));
}

const policyOf = (stack: AppStack, roleName: string) =>
  JSON.parse(resourcesOfType(synthStack(stack), "aws_iam_role_policy").find((p) => p.name === `${roleName}-policy`)!.policy);

/** R2: a task role with least privilege on the reports bucket, the PHI field key and its secret. */
describe("grants take a grantee", () => {
  const stack = stackWith();
  const role = taskRole(stack);
  stack.dataBuckets.reports.grantReadWrite(role);
  stack.extraKeys["phi-fields"].grantEncryptDecrypt(role);
  stack.secrets.app.grantRead(role);
  const tf = synthStack(stack);
  const policy = policyOf(stack, "demo-prod-api-task");
  const bySid = Object.fromEntries(policy.Statement.map((s: any) => [s.Sid, s]));

  it("adds scoped statements to the role's one inline policy, the bucket's key granted alongside", () => {
    expect(Object.keys(bySid)).toEqual([
      "ListDataBucketReports",
      "ReadDataBucketReports",
      "UseKeyOfDataBucketReports",
      "UseKeyKeyPhiFields",
      "ReadSecretApp",
      "DecryptSecretApp",
    ]);
    expect(bySid.ReadDataBucketReports.Action).toEqual(["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:AbortMultipartUpload"]);
    expect(bySid.ReadDataBucketReports.Resource).toMatch(/^\$\{aws_s3_bucket\.DataBucket-reports_Bucket_\w+\.arn\}\/\*$/);
    expect(bySid.UseKeyOfDataBucketReports).toMatchObject({
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Condition: { StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } },
    });
    expect(bySid.UseKeyOfDataBucketReports.Resource).toMatch(/^\$\{aws_kms_key\.DataKey_\w+\.arn\}$/);
    expect(bySid.UseKeyKeyPhiFields.Resource).toMatch(/^\$\{aws_kms_key\.Key-phi-fields_Key_\w+\.arn\}$/);
    expect(bySid.DecryptSecretApp.Condition).toEqual({ StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" } });
    for (const s of policy.Statement) expect(s.Resource).not.toBe("*");
  });

  it("passes the IAM guardrails", () => {
    const iamFindings = evaluate("x", tf as never).findings.filter((f) => f.address.includes("TaskRole-api"));
    expect(iamFindings.length).toBeGreaterThan(5);
    expect(iamFindings.filter((f) => f.status !== "passed")).toEqual([]);
  });

  it("makes statement ids IAM accepts", () => {
    expect(sid("Read", "DataBucket-reports")).toBe("ReadDataBucketReports");
    expect(sid("UseKey", "Key-phi-fields")).toBe("UseKeyKeyPhiFields");
  });
});

describe("overlapping grants", () => {
  it("grantRead, grantReadWrite and grantRead again on one bucket: no duplicate Sid or statement", () => {
    const stack = stackWith();
    const role = taskRole(stack);
    const bucket = stack.dataBuckets.reports;
    bucket.grantRead(role);
    bucket.grantReadWrite(role);
    bucket.grantRead(role);
    const statements = policyOf(stack, "demo-prod-api-task").Statement;
    const sids = statements.map((s: any) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    expect(sids).toEqual(["ListDataBucketReports", "ReadDataBucketReports", "UseKeyOfDataBucketReports"]);
  });

  it("two buckets under one key: one key statement", () => {
    const stack = stackWith((s) => (s.buckets = [{ name: "reports" }, { name: "exports" }]));
    const role = taskRole(stack);
    stack.dataBuckets.reports.grantRead(role);
    stack.dataBuckets.exports.grantRead(role);
    const keyStatements = policyOf(stack, "demo-prod-api-task").Statement.filter((s: any) => String(s.Resource).includes("aws_kms_key"));
    expect(keyStatements).toHaveLength(1);
  });

  it("merges statements that differ only in actions, then only in resources, and keeps Sids unique", () => {
    const merged = mergeStatements([
      { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::x/*" },
      { Sid: "B", Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: "arn:aws:s3:::x/*" },
      { Sid: "C", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::y/*" },
      {
        Sid: "A",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: "arn:key",
        Condition: { StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } },
      },
      { Sid: "D", Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:key" },
    ]);
    expect(merged).toEqual([
      { Sid: "A", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::x/*", "arn:aws:s3:::y/*"] },
      {
        Sid: "A2",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: "arn:key",
        Condition: { StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } },
      },
      { Sid: "D", Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:key" },
    ]);
  });
});

describe("IAM's size limit", () => {
  it("merging keeps many grants small: 30 buckets read and written by one role", () => {
    const names = Array.from({ length: 30 }, (_, i) => `bucket${i}`);
    const stack = stackWith((s) => (s.buckets = names.map((name) => ({ name }))));
    const role = taskRole(stack);
    for (const n of names) stack.dataBuckets[n].grantReadWrite(role);
    const statements = policyOf(stack, "demo-prod-api-task").Statement;
    expect(statements.map((s: any) => s.Sid)).toEqual(["ListDataBucketBucket0", "ReadDataBucketBucket0", "UseKeyOfDataBucketBucket0"]);
    expect(statements[1].Resource).toHaveLength(30);
  });

  it("fails synth naming the role when its inline policies exceed 10,240 characters", () => {
    const stack = stackWith();
    const small = taskRole(stack, "small");
    const big = taskRole(stack, "big");
    stack.dataBuckets.reports.grantReadWrite(small);
    // Statements that cannot merge: each its own actions and resource.
    for (let i = 0; i < 80; i++) {
      big.addToPolicy({
        Sid: `Queue${i}`,
        Effect: "Allow",
        Action: [`sqs:SendMessage`, `sqs:Tag${i}`],
        Resource: `arn:aws:sqs:eu-central-1:333333333333:demo-prod-queue-number-${i}`,
      });
    }
    const findings = evaluate("x", synthStack(stack) as never).findings.filter((f) => f.ruleId === "PRJ_IAM_ROLE_POLICY_SIZE");
    const failed = findings.filter((f) => f.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0].address).toMatch(/^aws_iam_role\.TaskRole-big_Role_/);
    expect(failed[0].detail).toMatch(/role "demo-prod-big-task": inline policies total about \d+ characters, over IAM's 10240/);
    expect(findings.find((f) => f.address.startsWith("aws_iam_role.TaskRole-small"))?.status).toBe("passed");
  });

  it("a role with nothing granted fails synth instead of emitting an empty policy", () => {
    const stack = stackWith();
    taskRole(stack, "idle");
    expect(() => Testing.synth(stack, true)).toThrow(/ServiceRole demo-prod-app\/TaskRole-idle: its policy has no statements/);
  });
});
