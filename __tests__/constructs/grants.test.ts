import { App } from "cdktf";
import { resolve } from "../../config/resolve";
import { sid } from "../../constructs/policy-document";
import { ServiceRole } from "../../constructs/service-role";
import { evaluate } from "../../guardrails/engine";
import { AppStack } from "../../stacks/app-stack";
import { baseSpec, resourcesOfType, synthStack, validSpec } from "../helpers";

/** R2: a task role with least privilege on the reports bucket and the data key only. */
describe("grants", () => {
  const spec = baseSpec();
  spec.buckets = [{ name: "reports" }];
  spec.keys = [{ purpose: "phi-fields", description: "Field-level PHI encryption" }];
  spec.secrets = [{ name: "app", generate: { length: 32 } }];
  const stack = new AppStack(new App(), resolve(validSpec(spec), "prod"));
  new ServiceRole(stack, "TaskRole", {
    roleName: "demo-prod-api-task",
    service: "ecs-tasks.amazonaws.com",
    sourceAccountId: "333333333333",
    description: "API task",
    statements: [...stack.dataBuckets.reports.grantReadWrite(), ...stack.extraKeys["phi-fields"].grantEncryptDecrypt(), ...stack.secrets.app.grantRead()],
  });
  const tf = synthStack(stack);
  const policy = JSON.parse(resourcesOfType(tf, "aws_iam_role_policy").find((p) => p.name === "demo-prod-api-task-policy")!.policy);

  it("scopes every statement to the bucket, its objects, the keys and the secret", () => {
    const bySid = Object.fromEntries(policy.Statement.map((s: any) => [s.Sid, s]));
    expect(Object.keys(bySid)).toEqual(["ListDataBucketReports", "ReadDataBucketReports", "WriteDataBucketReports", "EncryptDataBucketReportsKey", "UseKeyKeyPhiFields", "ReadSecretApp", "DecryptSecretApp"]);
    expect(bySid.ReadDataBucketReports.Resource).toMatch(/^\$\{aws_s3_bucket\.DataBucket-reports_Bucket_\w+\.arn\}\/\*$/);
    expect(bySid.EncryptDataBucketReportsKey.Resource).toMatch(/^\$\{aws_kms_key\.DataKey_\w+\.arn\}$/);
    expect(bySid.UseKeyKeyPhiFields.Resource).toMatch(/^\$\{aws_kms_key\.Key-phi-fields_Key_\w+\.arn\}$/);
    expect(bySid.DecryptSecretApp.Condition).toEqual({ StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" } });
    for (const s of policy.Statement) expect(s.Resource).not.toBe("*");
  });

  it("passes the IAM guardrails", () => {
    const iamFindings = evaluate("x", tf as never).findings.filter((f) => f.address.startsWith("aws_iam_role_policy.TaskRole"));
    expect(iamFindings.length).toBeGreaterThan(5);
    expect(iamFindings.filter((f) => f.status !== "passed")).toEqual([]);
  });

  it("makes statement ids IAM accepts", () => {
    expect(sid("Read", "DataBucket-reports")).toBe("ReadDataBucketReports");
    expect(sid("UseKey", "Key-phi-fields")).toBe("UseKeyKeyPhiFields");
  });
});
