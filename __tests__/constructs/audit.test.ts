import { HIPAA_CONFIG_RULES } from "../../constructs/audit";
import { addressOf, appStackTf, baseSpec, onlyResource, resourcesOfType } from "../helpers";

describe("Audit", () => {
  const prod = appStackTf(baseSpec(), "prod");
  const auditBucket = resourcesOfType(prod, "aws_s3_bucket").find((b) => b.bucket === "demo-prod-audit-333333333333")!;
  const auditAddress = addressOf(prod, auditBucket);

  it("runs a multi-region, validated, CMK-encrypted trail delivered to CloudWatch Logs and the alarm topic", () => {
    const trail = onlyResource(prod, "aws_cloudtrail");
    expect(trail).toMatchObject({
      name: "demo-prod-trail",
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      s3_bucket_name: `\${${auditAddress}.bucket}`,
      sns_topic_name: expect.stringMatching(/^\$\{aws_sns_topic\./),
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.DataKey_/),
      cloud_watch_logs_group_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Audit_TrailLogGroup_\w+\.arn\}:\*$/),
    });
    const group = resourcesOfType(prod, "aws_cloudwatch_log_group").find((g) => g.name === "/aws/cloudtrail/demo-prod")!;
    expect(group.retention_in_days).toBe(2557);
  });

  it("records S3 data events for buckets holding PII/PHI", () => {
    const selector = onlyResource(prod, "aws_cloudtrail").event_selector[0];
    expect(selector.data_resource).toEqual([{ type: "AWS::S3::Object", values: [expect.stringMatching(/^\$\{aws_s3_bucket\.DataBucket-uploads_Bucket_\w+\.arn\}\/$/)] }]);
    const spec = baseSpec();
    spec.dataClassification = "internal";
    expect(onlyResource(appStackTf(spec, "prod"), "aws_cloudtrail").event_selector[0].data_resource).toBeUndefined();
  });

  it("keeps audit evidence 7 years in prod in a bucket only CloudTrail and Config of this account write to", () => {
    const lifecycle = resourcesOfType(prod, "aws_s3_bucket_lifecycle_configuration").find((l) => l.bucket === `\${${auditAddress}.id}`)!;
    expect(lifecycle.rule[0].expiration).toEqual([{ days: 2557 }]);
    const policy = JSON.parse(resourcesOfType(prod, "aws_s3_bucket_policy").find((p) => p.bucket === `\${${auditAddress}.id}`)!.policy);
    const allows = policy.Statement.filter((s: any) => s.Effect === "Allow");
    expect(allows.map((s: any) => s.Principal.Service).sort()).toEqual(["cloudtrail.amazonaws.com", "cloudtrail.amazonaws.com", "config.amazonaws.com", "config.amazonaws.com"]);
    for (const s of allows) expect(JSON.stringify(s.Condition)).toMatch(/aws:Source(Arn|Account)/);
  });

  it("enables GuardDuty and an AWS Config recorder with HIPAA-relevant rules", () => {
    expect(onlyResource(prod, "aws_guardduty_detector")).toMatchObject({ enable: true, finding_publishing_frequency: "FIFTEEN_MINUTES" });
    expect(onlyResource(prod, "aws_config_configuration_recorder").recording_group).toEqual({ all_supported: true, include_global_resource_types: true });
    expect(onlyResource(prod, "aws_config_delivery_channel")).toMatchObject({ s3_bucket_name: `\${${auditAddress}.bucket}`, s3_kms_key_arn: expect.stringMatching(/DataKey/) });
    expect(onlyResource(prod, "aws_config_configuration_recorder_status").is_enabled).toBe(true);
    // both deliveries wait for the bucket policy that admits them
    const policyAddress = addressOf(prod, resourcesOfType(prod, "aws_s3_bucket_policy").find((p) => p.bucket === `\${${auditAddress}.id}`)!);
    expect(onlyResource(prod, "aws_config_delivery_channel").depends_on).toContain(policyAddress);
    expect(onlyResource(prod, "aws_cloudtrail").depends_on).toEqual([policyAddress]);
    expect(resourcesOfType(prod, "aws_config_config_rule").map((r) => r.source.source_identifier).sort()).toEqual([...HIPAA_CONFIG_RULES].sort());
  });

  it("switches each part off where the account already has it", () => {
    const spec = baseSpec();
    spec.overrides = { audit: { cloudTrail: false, guardDuty: false, awsConfig: false } };
    const tf = appStackTf(spec, "prod");
    for (const type of ["aws_cloudtrail", "aws_guardduty_detector", "aws_config_configuration_recorder"]) expect(resourcesOfType(tf, type)).toEqual([]);
    expect(resourcesOfType(tf, "aws_s3_bucket").map((b) => b.bucket)).not.toContain("demo-prod-audit-333333333333");
  });
});
