import { evaluate } from "../../guardrails/engine";
import { addressOf, appStackTf, baseSpec, onlyResource, resourcesOfType, type TfJson } from "../helpers";

const drSpec = () => {
  const s = baseSpec();
  s.drRegion = "eu-west-1";
  s.buckets = [{ name: "documents", glacierAfterDays: 90, objectLock: { mode: "GOVERNANCE", days: 30 }, replicateIn: ["prod"] }];
  return s;
};
const bucket = (tf: TfJson, name: string) => resourcesOfType(tf, "aws_s3_bucket").find((b) => b.bucket === name)!;
const companion = (tf: TfJson, type: string, name: string) =>
  resourcesOfType(tf, type).filter((r) => r.bucket === `\${${addressOf(tf, bucket(tf, name))}.id}`);

describe("SecureBucket options", () => {
  const prod = appStackTf(drSpec(), "prod");
  const dev = appStackTf(drSpec(), "dev");
  const source = "demo-prod-documents-333333333333";
  const replica = "demo-prod-documents-333333333333-replica";

  it("moves objects to Glacier after N days (R5)", () => {
    const [lc] = companion(prod, "aws_s3_bucket_lifecycle_configuration", source);
    expect(lc.rule[0].transition).toEqual([{ days: 90, storage_class: "GLACIER" }]);
  });

  it("locks new object versions when asked (WORM)", () => {
    expect(bucket(prod, source).object_lock_enabled).toBe(true);
    const [lock] = companion(prod, "aws_s3_bucket_object_lock_configuration", source);
    expect(lock.rule).toEqual({ default_retention: { mode: "GOVERNANCE", days: 30 } });
    expect(lock).not.toHaveProperty("object_lock_enabled");
  });

  it("replicates to a hardened replica in the DR region, re-encrypted with a DR key, in prod only", () => {
    const replication = onlyResource(prod, "aws_s3_bucket_replication_configuration");
    const rule = replication.rule[0];
    expect(rule).toMatchObject({
      status: "Enabled",
      delete_marker_replication: { status: "Enabled" },
      source_selection_criteria: { sse_kms_encrypted_objects: { status: "Enabled" } },
    });
    expect(rule.destination.bucket).toBe(`\${${addressOf(prod, bucket(prod, replica))}.arn}`);
    const drKey = resourcesOfType(prod, "aws_kms_key").find((k) => k.region === "eu-west-1")!;
    expect(rule.destination.encryption_configuration.replica_kms_key_id).toBe(`\${${addressOf(prod, drKey)}.arn}`);
    expect(bucket(prod, replica).region).toBe("eu-west-1");
    for (const type of [
      "aws_s3_bucket_public_access_block",
      "aws_s3_bucket_versioning",
      "aws_s3_bucket_server_side_encryption_configuration",
      "aws_s3_bucket_logging",
      "aws_s3_bucket_policy",
    ]) {
      expect(companion(prod, type, replica).map((r) => r.region)).toEqual(["eu-west-1"]);
    }
    expect(bucket(prod, "demo-prod-dr-access-logs-333333333333").region).toBe("eu-west-1");
    expect(resourcesOfType(dev, "aws_s3_bucket_replication_configuration")).toEqual([]);
    expect(
      resourcesOfType(dev, "aws_s3_bucket")
        .map((b) => b.region)
        .filter(Boolean),
    ).toEqual([]);
  });

  it("records object-level access to the replica too", () => {
    const values = onlyResource(prod, "aws_cloudtrail").event_selector[0].data_resource[0].values;
    // Beside them, the Terraform state (the audit test says why).
    expect(values).toEqual([
      `\${${addressOf(prod, bucket(prod, source))}.arn}/`,
      `\${${addressOf(prod, bucket(prod, replica))}.arn}/`,
      "arn:aws:s3:::demo-prod-tfstate-333333333333/",
    ]);
  });

  it("gives the replication role only the two buckets and keys", () => {
    const policy = JSON.parse(
      resourcesOfType(prod, "aws_iam_role_policy").find((p) => p.name === "demo-prod-documents-replication-policy")!.policy,
    );
    for (const s of policy.Statement) expect(s.Resource).not.toBe("*");
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual([
      "ReadReplicationConfiguration",
      "ReadSourceVersions",
      "WriteReplicas",
      "DecryptSource",
      "EncryptReplica",
    ]);
  });

  it("configures replication only after versioning on both buckets and the role's policy exist", () => {
    const replication = onlyResource(prod, "aws_s3_bucket_replication_configuration");
    const versioningOf = (name: string) => `${addressOf(prod, companion(prod, "aws_s3_bucket_versioning", name)[0])}`;
    const rolePolicy = resourcesOfType(prod, "aws_iam_role_policy").find((p) => p.name === "demo-prod-documents-replication-policy")!;
    expect([...replication.depends_on].sort()).toEqual([versioningOf(source), versioningOf(replica), addressOf(prod, rolePolicy)].sort());
  });

  it("lets the role read Object Lock retention and legal holds where the source locks objects", () => {
    const actionsOf = (tf: TfJson) =>
      JSON.parse(
        resourcesOfType(tf, "aws_iam_role_policy").find((p) => p.name === "demo-prod-documents-replication-policy")!.policy,
      ).Statement.find((st: any) => st.Sid === "ReadSourceVersions").Action;
    expect(actionsOf(prod)).toEqual(expect.arrayContaining(["s3:GetObjectRetention", "s3:GetObjectLegalHold"]));
    const unlocked = drSpec();
    delete unlocked.buckets![0].objectLock;
    expect(actionsOf(appStackTf(unlocked, "prod"))).not.toContain("s3:GetObjectRetention");
  });

  it("turns on replication metrics and alarms on failed replication operations", () => {
    const rule = onlyResource(prod, "aws_s3_bucket_replication_configuration").rule[0];
    // No event threshold: S3 rejects one without Replication Time Control.
    expect(rule.destination.metrics).toEqual({ status: "Enabled" });
    const alarms = resourcesOfType(prod, "aws_cloudwatch_metric_alarm").filter((a) => a.metric_name === "OperationsFailedReplication");
    expect(alarms.map((a) => [a.alarm_name, a.threshold])).toEqual([
      ["demo-prod-documents-replication-failures-critical", 10],
      ["demo-prod-documents-replication-failures-warning", 0],
    ]);
    expect(alarms[0]).toMatchObject({
      namespace: "AWS/S3",
      statistic: "Sum",
      period: 300,
      comparison_operator: "GreaterThanThreshold",
      dimensions: {
        SourceBucket: `\${${addressOf(prod, bucket(prod, source))}.bucket}`,
        DestinationBucket: `\${${addressOf(prod, bucket(prod, replica))}.bucket}`,
        RuleId: rule.id,
      },
    });
    expect(alarms[0].alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.Observability_AlarmTopic/)]);
    expect(resourcesOfType(dev, "aws_cloudwatch_metric_alarm").filter((a) => a.metric_name === "OperationsFailedReplication")).toEqual([]);
  });

  it("admits access logs only from the buckets that log into it", () => {
    const deliveryFrom = (logBucket: string) => {
      const [policy] = companion(prod, "aws_s3_bucket_policy", logBucket);
      return JSON.parse(policy.policy).Statement.find((st: any) => st.Sid === "AllowS3ServerAccessLogDelivery").Condition.ArnLike[
        "aws:SourceArn"
      ];
    };
    const arn = (name: string) => `\${${addressOf(prod, bucket(prod, name))}.arn}`;
    expect(deliveryFrom("demo-prod-access-logs-333333333333")).toEqual([
      arn(source),
      arn("demo-prod-audit-333333333333"),
      arn("demo-prod-audit-config-333333333333"),
    ]);
    expect(deliveryFrom("demo-prod-dr-access-logs-333333333333")).toEqual([arn(replica)]);
  });

  it("keeps every resource inside allowedRegions, and the residency rule catches one outside", () => {
    const findings = evaluate("s", prod as never, [], undefined, { allowedRegions: ["eu-central-1", "eu-west-1"] }).findings;
    expect(findings.filter((f) => f.ruleId === "PRJ_DATA_RESIDENCY" && f.status !== "passed")).toEqual([]);
    const outside = evaluate("s", prod as never, [], undefined, { allowedRegions: ["eu-central-1"] }).findings;
    expect(outside.filter((f) => f.ruleId === "PRJ_DATA_RESIDENCY" && f.status === "failed").length).toBeGreaterThan(5);
  });
});

describe("writes to a data bucket under another encryption than its key", () => {
  const prod = appStackTf(drSpec(), "prod");
  const policyOf = (name: string) => JSON.parse(companion(prod, "aws_s3_bucket_policy", name)[0].policy).Statement as any[];
  const keyOf = (name: string) => companion(prod, "aws_s3_bucket_server_side_encryption_configuration", name)[0].rule[0];

  it.each([
    ["the data bucket", "demo-prod-documents-333333333333"],
    ["its DR replica", "demo-prod-documents-333333333333-replica"],
  ])("%s denies SSE-S3 or DSSE, another key, and aws:kms without a key (the AWS managed key)", (_what, name) => {
    const key = keyOf(name).apply_server_side_encryption_by_default.kms_master_key_id;
    const objects = expect.stringMatching(/\.arn\}\/\*$/);
    const deny = (Sid: string, Condition: object) => ({
      Sid,
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: objects,
      Condition,
    });
    const sse = "s3:x-amz-server-side-encryption";
    const keyId = "s3:x-amz-server-side-encryption-aws-kms-key-id";
    expect(policyOf(name)).toEqual(
      expect.arrayContaining([
        deny("DenyOtherEncryption", { Null: { [sse]: "false" }, StringNotEquals: { [sse]: "aws:kms" } }),
        deny("DenyOtherKey", { Null: { [keyId]: "false" }, StringNotEquals: { [keyId]: key } }),
        deny("DenyManagedKey", { StringEquals: { [sse]: "aws:kms" }, Null: { [keyId]: "true" } }),
      ]),
    );
  });

  it.each([
    ["the access-log bucket (SSE-S3)", "demo-prod-access-logs-333333333333"],
    ["the audit bucket (CloudTrail writes under the audit key)", "demo-prod-audit-333333333333"],
    ["the AWS Config bucket (under the audit key)", "demo-prod-audit-config-333333333333"],
  ])("leaves %s alone: AWS services deliver into it with encryption of their own", (_what, name) => {
    const sids = policyOf(name).map((s) => s.Sid);
    expect(sids.length).toBeGreaterThan(0);
    for (const sid of ["DenyOtherEncryption", "DenyOtherKey", "DenyManagedKey"]) expect(sids).not.toContain(sid);
  });
});
