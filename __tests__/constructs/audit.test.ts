import { HIPAA_CONFIG_RULES } from "../../constructs/audit";
import { addressOf, appStackTf, baseSpec, onlyResource, referenced, referencing, resourcesOfType, type TfJson } from "../helpers";

const TRAIL_ARN = "arn:aws:cloudtrail:eu-central-1:333333333333:trail/demo-prod-trail";
const bucketNamed = (tf: TfJson, name: string) => resourcesOfType(tf, "aws_s3_bucket").find((b) => b.bucket === name)!;
const auditBucketOf = (tf: TfJson, env = "prod", account = "333333333333") => bucketNamed(tf, `demo-${env}-audit-${account}`);
const companionOf = (tf: TfJson, type: string, bucket: Record<string, any>) =>
  resourcesOfType(tf, type).find((r) => r.bucket === `\${${addressOf(tf, bucket)}.id}`)!;
const keyByAlias = (tf: TfJson, alias: string) =>
  referenced(tf, resourcesOfType(tf, "aws_kms_alias").find((a) => a.name === alias)!.target_key_id);
const statementsOf = (policyHolder: Record<string, any>): any[] => JSON.parse(policyHolder.policy).Statement;
const actionsOf = (s: any): string[] => [s.Action].flat();

describe("Audit", () => {
  const prod = appStackTf(baseSpec(), "prod");
  const auditBucket = auditBucketOf(prod);
  const auditAddress = addressOf(prod, auditBucket);
  // looked up in each test, so that each fails on its own where the key is missing
  const auditKey = () => keyByAlias(prod, "alias/demo-prod-audit");
  const auditKeyArn = () => `\${${addressOf(prod, auditKey())}.arn}`;

  it("runs a multi-region, validated trail encrypted with the audit key, delivered to CloudWatch Logs", () => {
    const trail = onlyResource(prod, "aws_cloudtrail");
    expect(trail).toMatchObject({
      name: "demo-prod-trail",
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      s3_bucket_name: `\${${auditAddress}.bucket}`,
      kms_key_id: auditKeyArn(),
      cloud_watch_logs_group_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Audit_TrailLogGroup_\w+\.arn\}:\*$/),
    });
    const group = resourcesOfType(prod, "aws_cloudwatch_log_group").find((g) => g.name === "/aws/cloudtrail/demo-prod")!;
    expect(group).toMatchObject({ retention_in_days: 2557, kms_key_id: auditKeyArn() });
  });

  it("notifies a dedicated encrypted delivery topic, not the alarm topic, that only this trail may publish to", () => {
    const trail = onlyResource(prod, "aws_cloudtrail");
    const topic = referenced(prod, trail.sns_topic_name);
    expect(topic).toMatchObject({ name: "demo-prod-trail-deliveries", kms_master_key_id: auditKeyArn() });
    const topicAddress = addressOf(prod, topic);
    // no e-mail (or any) subscription: a SIEM subscribes out of band
    expect(referencing(prod, "aws_sns_topic_subscription", "topic_arn", topicAddress)).toEqual([]);
    const policy = referencing(prod, "aws_sns_topic_policy", "arn", topicAddress)[0];
    const [allow, ...denies] = statementsOf(policy);
    expect(allow).toMatchObject({
      Effect: "Allow",
      Principal: { Service: ["cloudtrail.amazonaws.com"] },
      Action: "sns:Publish",
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
    });
    expect(denies).toEqual([expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]);
    // CreateTrail rejects a topic whose policy is not in place yet
    expect(trail.depends_on).toContain(addressOf(prod, policy));
  });

  it("leaves CloudTrail out of the alarm topic and of the data key", () => {
    const alarms = resourcesOfType(prod, "aws_sns_topic").find((t) => t.name === "demo-prod-alarms")!;
    const alarmPolicy = referencing(prod, "aws_sns_topic_policy", "arn", addressOf(prod, alarms))[0];
    expect(JSON.stringify(statementsOf(alarmPolicy))).not.toContain("cloudtrail");
    expect(JSON.stringify(statementsOf(keyByAlias(prod, "alias/demo-prod-data")))).not.toContain("cloudtrail");
  });

  it("records S3 data events for buckets holding PII/PHI, and for the Terraform state in this account", () => {
    const state = "arn:aws:s3:::demo-prod-tfstate-333333333333/";
    const selector = onlyResource(prod, "aws_cloudtrail").event_selector[0];
    expect(selector.data_resource).toEqual([
      {
        type: "AWS::S3::Object",
        values: [expect.stringMatching(/^\$\{aws_s3_bucket\.DataBucket-uploads_Bucket_\w+\.arn\}\/$/), state],
      },
    ]);
    const internal = baseSpec();
    internal.dataClassification = "internal";
    expect(onlyResource(appStackTf(internal, "prod"), "aws_cloudtrail").event_selector[0].data_resource).toEqual([
      { type: "AWS::S3::Object", values: [state] },
    ]);
    // State in an account of its own: that account's trail records it, not this one.
    const apart = baseSpec();
    apart.dataClassification = "internal";
    apart.state = { accountId: "444444444444", roleArn: "arn:aws:iam::444444444444:role/tf-state" };
    expect(onlyResource(appStackTf(apart, "prod"), "aws_cloudtrail").event_selector[0].data_resource).toBeUndefined();
  });

  it("keeps audit evidence 7 years in prod, trail and Config in buckets of their own, written by this account's services only", () => {
    const configBucket = bucketNamed(prod, "demo-prod-audit-config-333333333333");
    for (const [bucket, service] of [
      [auditBucket, "cloudtrail.amazonaws.com"],
      [configBucket, "config.amazonaws.com"],
    ] as const) {
      expect(
        companionOf(prod, "aws_s3_bucket_server_side_encryption_configuration", bucket).rule[0].apply_server_side_encryption_by_default
          .kms_master_key_id,
      ).toBe(auditKeyArn());
      const lifecycle = companionOf(prod, "aws_s3_bucket_lifecycle_configuration", bucket);
      expect(lifecycle.rule[0]).toMatchObject({ expiration: [{ days: 2557 }], noncurrent_version_expiration: [{ noncurrent_days: 2557 }] });
      const allows = statementsOf(companionOf(prod, "aws_s3_bucket_policy", bucket)).filter((s: any) => s.Effect === "Allow");
      expect(allows.map((s: any) => s.Principal.Service)).toEqual([service, service]);
      for (const s of allows) expect(JSON.stringify(s.Condition)).toMatch(/aws:Source(Arn|Account)/);
    }
    // AWS Config cannot deliver to a bucket whose Object Lock sets a default retention
    expect(companionOf(prod, "aws_s3_bucket_object_lock_configuration", configBucket)).toBeUndefined();
  });

  describe("Object Lock on the audit bucket", () => {
    it("locks every version for the audit retention, COMPLIANCE in prod, without replacing the bucket", () => {
      const lock = companionOf(prod, "aws_s3_bucket_object_lock_configuration", auditBucket);
      expect(lock).toMatchObject({ object_lock_enabled: "Enabled", rule: { default_retention: { mode: "COMPLIANCE", days: 2557 } } });
      // object_lock_enabled on aws_s3_bucket forces replacement of an existing bucket
      expect(auditBucket).not.toHaveProperty("object_lock_enabled");
      // S3 enables lock on an existing bucket only once versioning is on
      expect(lock.depends_on).toEqual([addressOf(prod, companionOf(prod, "aws_s3_bucket_versioning", auditBucket))]);
    });

    it("uses GOVERNANCE in dev and staging, with their audit retention", () => {
      for (const [env, account, days] of [
        ["dev", "111111111111", 365],
        ["staging", "222222222222", 731],
      ] as const) {
        const tf = appStackTf(baseSpec(), env);
        const lock = companionOf(tf, "aws_s3_bucket_object_lock_configuration", auditBucketOf(tf, env, account));
        expect(lock.rule).toEqual({ default_retention: { mode: "GOVERNANCE", days } });
      }
    });

    it("keeps replaced versions at least as long as the retention, and locks no other bucket", () => {
      const lifecycle = companionOf(prod, "aws_s3_bucket_lifecycle_configuration", auditBucket);
      expect(lifecycle.rule[0].noncurrent_version_expiration).toEqual([{ noncurrent_days: 2557 }]);
      expect(resourcesOfType(prod, "aws_s3_bucket_object_lock_configuration")).toHaveLength(1);
    });

    it("follows an override of the mode", () => {
      const spec = baseSpec();
      spec.environments.staging!.overrides = { audit: { objectLockMode: "COMPLIANCE" } };
      const tf = appStackTf(spec, "staging");
      expect(onlyResource(tf, "aws_s3_bucket_object_lock_configuration").rule.default_retention.mode).toBe("COMPLIANCE");
    });
  });

  describe("audit key", () => {
    const statements = () => statementsOf(auditKey());
    const bySid = () => Object.fromEntries(statements().map((s) => [s.Sid, s]));
    const CRYPTO = /^kms:(\*|Encrypt|Decrypt|ReEncrypt|GenerateDataKey|CreateGrant)/;

    it("encrypts the trail, its log group, the audit bucket and the Config deliveries, apart from the data key", () => {
      expect(auditKey()).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
      expect(auditKey()).not.toBe(keyByAlias(prod, "alias/demo-prod-data"));
      expect(onlyResource(prod, "aws_config_delivery_channel").s3_kms_key_arn).toBe(auditKeyArn());
    });

    it("lets the account administer it through IAM but not use it", () => {
      const admin = bySid().AccountAdministersKeyThroughIam;
      expect(admin.Principal).toEqual({ AWS: "arn:aws:iam::333333333333:root" });
      expect(actionsOf(admin)).toEqual(
        expect.arrayContaining(["kms:Describe*", "kms:Put*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:TagResource"]),
      );
      expect(actionsOf(admin).filter((a) => CRYPTO.test(a))).toEqual([]);
      // every other grant to the account is narrowed to named principals
      for (const s of statements().filter((x) => x.Principal.AWS && x.Sid !== admin.Sid))
        expect(Object.keys(s.Condition.ArnLike ?? s.Condition.ArnEquals)).toEqual(["aws:PrincipalArn"]);
    });

    it("lets CloudTrail generate data keys for this trail's log files only", () => {
      expect(bySid().AllowCloudTrailToEncryptLogFiles).toMatchObject({
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "kms:GenerateDataKey*",
        Condition: {
          StringEquals: { "aws:SourceArn": TRAIL_ARN },
          StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:333333333333:trail/*" },
        },
      });
    });

    it("lets CloudTrail describe the key under source conditions only (DescribeKey carries no encryption context)", () => {
      const describe = statements().filter((s) => actionsOf(s).includes("kms:DescribeKey"));
      expect(describe).toHaveLength(1);
      expect(describe[0]).toMatchObject({ Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:DescribeKey" });
      expect(describe[0].Condition).toEqual({ StringEquals: { "aws:SourceAccount": "333333333333", "aws:SourceArn": TRAIL_ARN } });
    });

    it("lets CloudWatch Logs use it for the trail log group only", () => {
      const logs = statements().filter((s) => s.Principal.Service === "logs.eu-central-1.amazonaws.com");
      expect(logs.map((s) => s.Condition)).toEqual([
        { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-central-1:333333333333:log-group:/aws/cloudtrail/demo-prod" } },
      ]);
    });

    it("lets AWS Config deliver as its role (matched by ARN, so the role need not exist yet) or its service principal", () => {
      expect(bySid().AllowConfigRoleToDeliver).toMatchObject({
        Principal: { AWS: "arn:aws:iam::333333333333:root" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::333333333333:role/demo-prod-config" } },
      });
      const role = resourcesOfType(prod, "aws_iam_role").find((r) => r.name === "demo-prod-config")!;
      expect(role).toBeDefined();
      expect(bySid().AllowConfigToDeliver).toMatchObject({
        Principal: { Service: "config.amazonaws.com" },
        Condition: { StringEquals: { "aws:SourceAccount": "333333333333" } },
      });
    });

    it("lets only the named audit readers decrypt", () => {
      expect(
        statements()
          .filter((s) => s.Principal.AWS && actionsOf(s).includes("kms:Decrypt"))
          .map((s) => s.Sid),
      ).toEqual(["AllowConfigRoleToDeliver"]);
      const readers = ["arn:aws:iam::333333333333:role/auditor", "arn:aws:iam::333333333333:role/siem-reader"];
      const spec = baseSpec();
      spec.environments.prod!.overrides = { audit: { readerArns: readers } };
      const withReaders = statementsOf(keyByAlias(appStackTf(spec, "prod"), "alias/demo-prod-audit"));
      expect(withReaders.find((s) => s.Sid === "AllowAuditReadersToDecrypt")).toEqual({
        Sid: "AllowAuditReadersToDecrypt",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::333333333333:root" },
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { ArnLike: { "aws:PrincipalArn": readers } },
      });
    });
  });

  it("enables GuardDuty and an AWS Config recorder with HIPAA-relevant rules", () => {
    expect(onlyResource(prod, "aws_guardduty_detector")).toMatchObject({ enable: true, finding_publishing_frequency: "FIFTEEN_MINUTES" });
    expect(onlyResource(prod, "aws_config_configuration_recorder").recording_group).toEqual({
      all_supported: true,
      include_global_resource_types: true,
    });
    const configBucket = bucketNamed(prod, "demo-prod-audit-config-333333333333");
    expect(onlyResource(prod, "aws_config_delivery_channel")).toMatchObject({
      s3_bucket_name: `\${${addressOf(prod, configBucket)}.bucket}`,
      s3_kms_key_arn: auditKeyArn(),
    });
    expect(onlyResource(prod, "aws_config_configuration_recorder_status").is_enabled).toBe(true);
    // both deliveries wait for the bucket policy that admits them
    expect(onlyResource(prod, "aws_config_delivery_channel").depends_on).toContain(
      addressOf(prod, companionOf(prod, "aws_s3_bucket_policy", configBucket)),
    );
    expect(onlyResource(prod, "aws_cloudtrail").depends_on).toContain(
      addressOf(prod, companionOf(prod, "aws_s3_bucket_policy", auditBucket)),
    );
    expect(
      resourcesOfType(prod, "aws_config_config_rule")
        .map((r) => r.source.source_identifier)
        .sort(),
    ).toEqual([...HIPAA_CONFIG_RULES].sort());
  });

  describe("in the DR region of an environment that replicates", () => {
    const spec = baseSpec();
    spec.drRegion = "eu-west-1";
    spec.buckets = [{ name: "uploads", replicateIn: ["prod"] }];
    const dr = appStackTf(spec, "prod");
    const inDr = (type: string) => resourcesOfType(dr, type).filter((r) => r.region === "eu-west-1");
    const inPrimary = (type: string) => resourcesOfType(dr, type).filter((r) => r.region === undefined);

    it("runs a second GuardDuty detector there", () => {
      expect(inDr("aws_guardduty_detector")).toEqual([expect.objectContaining({ enable: true })]);
      expect(inPrimary("aws_guardduty_detector")).toHaveLength(1);
    });

    it("records AWS Config there into the same Config bucket, global resources only in the primary region", () => {
      const [recorder] = inDr("aws_config_configuration_recorder");
      expect(recorder.recording_group).toEqual({ all_supported: true, include_global_resource_types: false });
      expect(inPrimary("aws_config_configuration_recorder")[0].recording_group.include_global_resource_types).toBe(true);
      const [channel] = inDr("aws_config_delivery_channel");
      const configBucket = bucketNamed(dr, "demo-prod-audit-config-333333333333");
      expect(channel).toMatchObject({
        s3_bucket_name: `\${${addressOf(dr, configBucket)}.bucket}`,
        s3_kms_key_arn: `\${${addressOf(dr, keyByAlias(dr, "alias/demo-prod-audit"))}.arn}`,
      });
      const [status] = inDr("aws_config_configuration_recorder_status");
      expect(status).toMatchObject({ is_enabled: true, name: `\${${addressOf(dr, recorder)}.name}` });
    });

    it.each(["postgres", "aurora-postgresql"] as const)("watches it too where only the %s database copies its backups there", (engine) => {
      const db = baseSpec();
      db.drRegion = "eu-west-1";
      db.buckets = [];
      db.database = { engine, version: "16", replicateIn: ["prod"] };
      const tf = appStackTf(db, "prod");
      for (const type of ["aws_guardduty_detector", "aws_config_configuration_recorder", "aws_config_delivery_channel"]) {
        expect(
          resourcesOfType(tf, type)
            .map((r) => r.region ?? "primary")
            .sort(),
        ).toEqual(["eu-west-1", "primary"]);
      }
    });

    it("watches only the primary region where the environment does not replicate", () => {
      const dev = appStackTf(spec, "dev");
      for (const type of ["aws_guardduty_detector", "aws_config_configuration_recorder", "aws_config_delivery_channel"]) {
        expect(resourcesOfType(dev, type).map((r) => r.region)).toEqual([undefined]);
      }
    });
  });

  it("keeps the audit bucket, with what Config delivered there before, where only Config runs", () => {
    const spec = baseSpec();
    spec.overrides = { audit: { cloudTrail: false } };
    const tf = appStackTf(spec, "prod");
    expect(resourcesOfType(tf, "aws_s3_bucket").map((b) => b.bucket)).toEqual(
      expect.arrayContaining(["demo-prod-audit-333333333333", "demo-prod-audit-config-333333333333"]),
    );
    expect(resourcesOfType(tf, "aws_cloudtrail")).toEqual([]);
  });

  it("switches each part off where the account already has it", () => {
    const spec = baseSpec();
    spec.overrides = { audit: { cloudTrail: false, guardDuty: false, awsConfig: false } };
    const tf = appStackTf(spec, "prod");
    for (const type of ["aws_cloudtrail", "aws_guardduty_detector", "aws_config_configuration_recorder"])
      expect(resourcesOfType(tf, type)).toEqual([]);
    expect(resourcesOfType(tf, "aws_s3_bucket").map((b) => b.bucket)).not.toContain("demo-prod-audit-333333333333");
    expect(resourcesOfType(tf, "aws_s3_bucket").map((b) => b.bucket)).not.toContain("demo-prod-audit-config-333333333333");
    expect(resourcesOfType(tf, "aws_kms_alias").map((a) => a.name)).not.toContain("alias/demo-prod-audit");
  });
});
