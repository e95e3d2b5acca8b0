/**
 * Cases where the rules used to disagree with the scanners' own tests
 * (scripts/scanner-agreement.ts), each written here from the scanner's source.
 */
import { evaluate } from "../../guardrails/engine";
import { ALL_RULES } from "../../guardrails/rules";

type Res = Record<string, Record<string, unknown>>;
/** The rule's status on the first resource in `resources` (type.name keys). */
function status(id: string, resources: Res): string {
  const rule = ALL_RULES.find((r) => r.id === id)!;
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [address, config] of Object.entries(resources)) {
    const [type, name] = address.split(".");
    (resource[type] ??= {})[name] = config;
  }
  const subject = Object.keys(resources)[0];
  return evaluate("t", { resource }, [], [rule]).findings.find((f) => f.address === subject)?.status ?? "none";
}
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const open = (Condition?: object) => ({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", ...(Condition ? { Condition } : {}) });

describe("CKV_AWS_70: only Checkov's restricting condition keys count", () => {
  const bucketPolicy = (st: object) => ({ "aws_s3_bucket_policy.p": { bucket: "b", policy: doc(st) } });
  it.each([
    ["aws:SecureTransport only", { Bool: { "aws:SecureTransport": "true" } }, "failed"],
    ["a StringNotEquals on the org", { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } }, "failed"],
    ["ArnLike on every account", { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/x" } }, "failed"],
    ["StringEquals aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc" } }, "passed"],
    ["StringEquals aws:SourceVpce", { StringEquals: { "aws:sourceVpce": "vpce-1" } }, "passed"],
    ["ArnEquals on one account", { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/x" } }, "passed"],
  ])("%s", (_, condition, expected) => {
    expect(status("CKV_AWS_70", bucketPolicy(open(condition)))).toBe(expected);
  });
});

describe("CKV_AWS_32/168/169: cloudsplaining's internet-accessible test", () => {
  const topic = (st: object) => ({ "aws_sns_topic_policy.p": { arn: "x", policy: doc(st) } });
  it("a condition on a key that cannot narrow a principal leaves the topic open", () => {
    expect(status("CKV_AWS_169", topic(open({ Bool: { "aws:SecureTransport": "true" } })))).toBe("failed");
  });
  it("aws:SourceAccount closes it; an open CIDR or account-* ARN does not", () => {
    expect(status("CKV_AWS_169", topic(open({ StringEquals: { "aws:SourceAccount": "111122223333" } })))).toBe("passed");
    expect(status("CKV_AWS_169", topic(open({ IpAddress: { "aws:SourceIp": "0.0.0.0/0" } })))).toBe("failed");
    expect(status("CKV_AWS_169", topic(open({ ArnLike: { "aws:SourceArn": "arn:aws:sns:eu-west-1:*:t" } })))).toBe("failed");
  });
  it("a Deny to everyone is not an opening", () => {
    expect(status("CKV_AWS_169", topic({ ...open(), Effect: "Deny" }))).toBe("passed");
  });
  it("reads an inline aws_sqs_queue policy and an empty ECR policy", () => {
    expect(status("CKV_AWS_168", { "aws_sqs_queue.q": { policy: doc(open()) } })).toBe("failed");
    expect(status("CKV_AWS_32", { "aws_ecr_repository_policy.p": { repository: "r", policy: "" } })).toBe("passed");
  });
  it("reads past a trailing comma in a policy, as Checkov does", () => {
    const policy = `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["sqs:SendMessage",]},]}`;
    expect(status("CKV_AWS_168", { "aws_sqs_queue_policy.p": { queue_url: "u", policy } })).toBe("failed");
  });
});

describe("CKV_AWS_385: only narrowing conditions count for a cross-account principal", () => {
  const topic = (Condition?: object) => ({
    "aws_sns_topic_policy.p": { arn: "x", policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "SNS:Publish", ...(Condition ? { Condition } : {}) }) },
  });
  it("fails with only aws:SecureTransport, passes with aws:PrincipalOrgID", () => {
    expect(status("CKV_AWS_385", topic({ Bool: { "aws:SecureTransport": "true" } }))).toBe("failed");
    expect(status("CKV_AWS_385", topic({ StringEquals: { "aws:PrincipalOrgID": "o-abc" } }))).toBe("passed");
  });
});

describe("CKV_AWS_33: a wildcard principal in a list, or without an Effect", () => {
  it.each([
    ["Principal [\"x\", \"*\"]", { Effect: "Allow", Principal: ["arn:aws:iam::1:root", "*"], Action: "kms:*" }],
    ["no Effect", { Principal: { AWS: "*" }, Action: "kms:*" }],
  ])("fails %s", (_, st) => {
    expect(status("CKV_AWS_33", { "aws_kms_key.k": { policy: doc(st) } })).toBe("failed");
  });
});

describe("CKV_AWS_175/342: classic WAF ACLs and empty blocks", () => {
  it("an empty rule block is no rule, in classic WAF too", () => {
    expect(status("CKV_AWS_175", { "aws_waf_web_acl.a": { name: "a", rules: [{}] } })).toBe("failed");
    expect(status("CKV_AWS_175", { "aws_wafregional_web_acl.a": { name: "a", rule: [{ priority: 1, rule_id: "r", action: [{ type: "BLOCK" }] }] } })).toBe("passed");
  });
  it("an empty action block is no action", () => {
    const acl = (action: object) => ({ "aws_wafv2_web_acl.a": { rule: [{ name: "r", priority: 1, action, statement: { geo_match_statement: { country_codes: ["XX"] } } }] } });
    expect(status("CKV_AWS_342", acl({}))).toBe("failed");
    expect(status("CKV_AWS_342", acl({ block: {} }))).toBe("passed");
  });
});

describe("CKV_AWS_326: a cluster without engine is Aurora MySQL", () => {
  it("fails without backtrack_window, and is not applicable to aurora-postgresql", () => {
    expect(status("CKV_AWS_326", { "aws_rds_cluster.c": { cluster_identifier: "c" } })).toBe("failed");
    expect(status("CKV_AWS_326", { "aws_rds_cluster.c": { engine: "aurora-postgresql" } })).toBe("none");
  });
});

describe("CKV_AWS_134 and AWS-0050 mean what each scanner means", () => {
  const cluster = (config: object) => ({ "aws_elasticache_cluster.c": { node_type: "cache.t3.small", ...config } });
  it("Checkov fails valkey and cache.t1.micro without snapshots; Trivy does not judge them", () => {
    for (const c of [cluster({ engine: "valkey" }), cluster({ engine: "redis", node_type: "cache.t1.micro" })]) {
      expect(status("CKV_AWS_134", c)).toBe("failed");
      expect(status("AWS-0050", c)).toBe("none");
    }
    expect(status("AWS-0050", cluster({ engine: "redis", snapshot_retention_limit: 0 }))).toBe("failed");
  });
});

describe("AWS-0163: only a trail bucket in the same configuration is judged", () => {
  it("is silent when the bucket is elsewhere, and accepts inline logging", () => {
    expect(status("AWS-0163", { "aws_cloudtrail.t": { s3_bucket_name: "org-trail-bucket" } })).toBe("none");
    expect(status("AWS-0163", {
      "aws_cloudtrail.t": { s3_bucket_name: "trail-b" },
      "aws_s3_bucket.b": { bucket: "trail-b", logging: [{ target_bucket: "logs" }] },
    })).toBe("passed");
  });
});
