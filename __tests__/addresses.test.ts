/**
 * Terraform addresses of stateful resources. Renaming a construct id changes the address,
 * and Terraform then destroys the old resource and creates a new one: state, data and keys
 * lost. If this test fails, do not update it; add a `moved` block (stack.moveTo) instead.
 */
import { App } from "cdktf";
import { resolve } from "../config/resolve";
import { AppStack } from "../stacks/app-stack";
import { BootstrapStack } from "../stacks/bootstrap-stack";
import { addresses, baseSpec, synthStack, validSpec } from "./helpers";

const STATEFUL = ["aws_s3_bucket", "aws_dynamodb_table", "aws_kms_key", "aws_kms_alias"];
const stateful = (all: string[]) => all.filter((a) => STATEFUL.includes(a.split(".")[0])).sort();

describe("pinned addresses of stateful resources", () => {
  const env = resolve(validSpec(baseSpec()), "prod");

  it("bootstrap: state key, state and log buckets, lock table", () => {
    const app = new App();
    const stack = new BootstrapStack(app, env);
    expect(stack.node.id).toBe("demo-prod-bootstrap");
    expect(stateful(addresses(synthStack(stack)))).toEqual([
      "aws_dynamodb_table.LockTable_2A8A56E8",
      "aws_kms_alias.StateKey_Alias_1DE68B01",
      "aws_kms_key.StateKey_D2B02354",
      "aws_s3_bucket.StateAccessLogBucket_1603EC2E",
      "aws_s3_bucket.StateBucket_3A0A90D0",
    ]);
  });

  it("app: data key, access-log bucket, data buckets", () => {
    const stack = new AppStack(new App(), env);
    expect(stack.node.id).toBe("demo-prod-app");
    expect(stateful(addresses(synthStack(stack)))).toEqual([
      "aws_kms_alias.DataKey_Alias_99EFF7B9",
      "aws_kms_key.DataKey_0F118E08",
      "aws_s3_bucket.AccessLogBucket_E6559820",
      "aws_s3_bucket.DataBucket-uploads_Bucket_52FD67BA",
    ]);
  });
});
