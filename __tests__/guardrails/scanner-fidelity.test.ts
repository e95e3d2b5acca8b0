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
const open = (Condition?: object) => ({
  Effect: "Allow",
  Principal: "*",
  Action: "s3:GetObject",
  Resource: "arn:aws:s3:::b/*",
  ...(Condition ? { Condition } : {}),
});

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
    "aws_sns_topic_policy.p": {
      arn: "x",
      policy: doc({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "SNS:Publish",
        ...(Condition ? { Condition } : {}),
      }),
    },
  });
  it("fails with only aws:SecureTransport, passes with aws:PrincipalOrgID", () => {
    expect(status("CKV_AWS_385", topic({ Bool: { "aws:SecureTransport": "true" } }))).toBe("failed");
    expect(status("CKV_AWS_385", topic({ StringEquals: { "aws:PrincipalOrgID": "o-abc" } }))).toBe("passed");
  });
});

describe("CKV_AWS_33: a wildcard principal in a list, or without an Effect", () => {
  it.each([
    ['Principal ["x", "*"]', { Effect: "Allow", Principal: ["arn:aws:iam::1:root", "*"], Action: "kms:*" }],
    ["no Effect", { Principal: { AWS: "*" }, Action: "kms:*" }],
  ])("fails %s", (_, st) => {
    expect(status("CKV_AWS_33", { "aws_kms_key.k": { policy: doc(st) } })).toBe("failed");
  });
});

describe("CKV_AWS_175/342: classic WAF ACLs and empty blocks", () => {
  it("an empty rule block is no rule, in classic WAF too", () => {
    expect(status("CKV_AWS_175", { "aws_waf_web_acl.a": { name: "a", rules: [{}] } })).toBe("failed");
    expect(
      status("CKV_AWS_175", {
        "aws_wafregional_web_acl.a": { name: "a", rule: [{ priority: 1, rule_id: "r", action: [{ type: "BLOCK" }] }] },
      }),
    ).toBe("passed");
  });
  it("an empty action block is no action", () => {
    const acl = (action: object) => ({
      "aws_wafv2_web_acl.a": { rule: [{ name: "r", priority: 1, action, statement: { geo_match_statement: { country_codes: ["XX"] } } }] },
    });
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
    expect(
      status("AWS-0163", {
        "aws_cloudtrail.t": { s3_bucket_name: "trail-b" },
        "aws_s3_bucket.b": { bucket: "trail-b", logging: [{ target_bucket: "logs" }] },
      }),
    ).toBe("passed");
  });
});

describe("one id, one meaning: Checkov and Trivy halves of a split rule", () => {
  const sse = (algorithm: string, key?: string) => ({
    rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: algorithm, ...(key ? { kms_master_key_id: key } : {}) } }],
  });
  it("CKV_AWS_145 wants aws:kms; AWS-0132 wants a key and exempts log-delivery targets", () => {
    const awsManaged = {
      "aws_s3_bucket.b": { bucket: "data" },
      "aws_s3_bucket_server_side_encryption_configuration.c": { bucket: "${aws_s3_bucket.b.id}", ...sse("aws:kms") },
    };
    expect(status("CKV_AWS_145", awsManaged)).toBe("passed");
    expect(status("AWS-0132", awsManaged)).toBe("failed");
    const logTarget = {
      "aws_s3_bucket.b": { bucket: "logs", server_side_encryption_configuration: sse("AES256") },
      "aws_s3_bucket_policy.p": {
        bucket: "logs",
        policy: doc({
          Effect: "Allow",
          Principal: { Service: ["logging.s3.amazonaws.com"] },
          Action: ["s3:PutObject"],
          Resource: "arn:aws:s3:::logs/*",
        }),
      },
    };
    expect(status("CKV_AWS_145", logTarget)).toBe("failed");
    expect(status("AWS-0132", logTarget)).toBe("passed");
    const inlineKey = { "aws_s3_bucket.b": { bucket: "data", server_side_encryption_configuration: sse("AES256", "arn:key") } };
    expect(status("AWS-0132", inlineKey)).toBe("passed");
  });
  it("CKV_AWS_18 counts a bucket that receives logs; AWS-0089 exempts only log-delivery targets", () => {
    const target = {
      "aws_s3_bucket.t": { bucket: "logs" },
      "aws_s3_bucket_logging.l": { bucket: "src", target_bucket: "${aws_s3_bucket.t.id}" },
    };
    expect(status("CKV_AWS_18", target)).toBe("passed");
    expect(status("AWS-0089", target)).toBe("failed");
    const grant = (permissions: string[]) => ({
      "aws_s3_bucket.t": { bucket: "logs", grant: [{ type: "Group", uri: "http://acs.amazonaws.com/groups/s3/LogDelivery", permissions }] },
    });
    expect(status("AWS-0089", grant(["WRITE", "READ_ACP"]))).toBe("passed");
    expect(status("AWS-0089", grant(["WRITE"]))).toBe("failed");
    expect(status("AWS-0132", grant(["WRITE"]))).toBe("passed");
  });
  it("CKV_AWS_168 asks who may send; AWS-0097 asks for * or sqs:* actions", () => {
    const q = (Principal: unknown, Action: string) => ({
      "aws_sqs_queue_policy.p": { queue_url: "u", policy: doc({ Effect: "Allow", Principal, Action, Resource: "*" }) },
    });
    expect(status("CKV_AWS_168", q("*", "sqs:SendMessage"))).toBe("failed");
    expect(status("AWS-0097", q("*", "sqs:SendMessage"))).toBe("passed");
    expect(status("CKV_AWS_168", q({ AWS: "arn:aws:iam::111122223333:root" }, "sqs:*"))).toBe("passed");
    expect(status("AWS-0097", q({ AWS: "arn:aws:iam::111122223333:root" }, "sqs:*"))).toBe("failed");
  });
  it("CKV2_AWS_10 needs a connected log group; AWS-0162 any cloud_watch_logs_group_arn", () => {
    const arnOnly = { "aws_cloudtrail.t": { cloud_watch_logs_group_arn: "arn:aws:logs:eu-central-1:111122223333:log-group:x:*" } };
    expect(status("CKV2_AWS_10", arnOnly)).toBe("failed");
    expect(status("AWS-0162", arnOnly)).toBe("passed");
    const noRole = {
      "aws_cloudtrail.t": { cloud_watch_logs_group_arn: "${aws_cloudwatch_log_group.g.arn}:*" },
      "aws_cloudwatch_log_group.g": {},
    };
    expect(status("CKV2_AWS_10", noRole)).toBe("passed");
  });
  it("CKV_AWS_174 takes any TLSv1.2_<year> and fails the default certificate; AWS-0013 the reverse", () => {
    const d = (viewer_certificate: object) => ({ "aws_cloudfront_distribution.d": { viewer_certificate } });
    expect(status("CKV_AWS_174", d({ minimum_protocol_version: "TLSv1.2_2018" }))).toBe("passed");
    expect(status("AWS-0013", d({ minimum_protocol_version: "TLSv1.2_2018" }))).toBe("failed");
    expect(status("CKV_AWS_174", d({ cloudfront_default_certificate: true }))).toBe("failed");
    expect(status("AWS-0013", d({ cloudfront_default_certificate: true }))).toBe("passed");
  });
  it("AWS-0010 accepts CloudFront standard logging v2; CKV_AWS_86 does not", () => {
    const v2 = {
      "aws_cloudfront_distribution.d": {},
      "aws_cloudwatch_log_delivery_source.s": { log_type: "ACCESS_LOGS", resource_arn: "${aws_cloudfront_distribution.d.arn}" },
      "aws_cloudwatch_log_delivery.l": { delivery_source_name: "${aws_cloudwatch_log_delivery_source.s.name}" },
    };
    expect(status("CKV_AWS_86", v2)).toBe("failed");
    expect(status("AWS-0010", v2)).toBe("passed");
    const { ["aws_cloudwatch_log_delivery.l"]: _, ...sourceOnly } = v2;
    expect(status("AWS-0010", sourceOnly)).toBe("failed");
  });
  it("CKV_AWS_196 forbids cache security groups; AWS-0049 wants only a real description", () => {
    const g = { "aws_elasticache_security_group.g": { description: "app servers" } };
    expect(status("CKV_AWS_196", g)).toBe("failed");
    expect(status("AWS-0049", g)).toBe("passed");
    expect(status("AWS-0049", { "aws_elasticache_security_group.g": {} })).toBe("failed");
  });
});

describe("Checkov's IAM policy checks", () => {
  const pol = (...st: object[]) => ({ "aws_iam_policy.p": { name: "p", policy: doc(...st) } });
  it("CKV_AWS_62/63 read a statement without Effect as an Allow", () => {
    const noEffect = pol({ Action: "*", Resource: "*" });
    expect(status("CKV_AWS_62", noEffect)).toBe("failed");
    expect(status("CKV_AWS_63", noEffect)).toBe("failed");
  });
  it("reads an SSO permission set's inline_policy, and a policy given as a list of one document", () => {
    const sso = {
      "aws_ssoadmin_permission_set_inline_policy.s": { inline_policy: doc({ Effect: "Allow", Action: "iam:*", Resource: "*" }) },
    };
    expect(status("CKV2_AWS_40", sso)).toBe("failed");
    expect(status("CKV_AWS_355", sso)).toBe("failed");
    const listed = {
      "aws_iam_role_policy.r": { role: "x", policy: [{ Statement: [{ Effect: "Allow", Action: ["*"], Resource: "arn:aws:s3:::b" }] }] },
    };
    expect(status("CKV_AWS_63", listed)).toBe("failed");
  });
  it("CKV_AWS_355: a wildcard action on Resource * is restrictable; a list-only action is not", () => {
    expect(status("CKV_AWS_355", pol({ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" }))).toBe("failed");
    expect(status("CKV_AWS_355", pol({ Effect: "Allow", Action: "ec2:DescribeRegions", Resource: "*" }))).toBe("passed");
  });
  it("CKV_AWS_355 classifies with the catalogue, skips a statement with a Condition and takes out what a Deny names", () => {
    const describe = ["ecs:DescribeServices", "ecs:DescribeTasks", "ecs:ListTasks", "ec2:DescribeInstanceAttribute"];
    for (const action of describe) expect(status("CKV_AWS_355", pol({ Effect: "Allow", Action: action, Resource: "*" }))).toBe("failed");
    const conditioned = {
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: "*",
      Condition: { StringEquals: { "aws:ResourceAccount": "1" } },
    };
    expect(status("CKV_AWS_355", pol(conditioned))).toBe("passed");
    const denied = [
      { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
      { Effect: "Deny", Action: "s3:GetObject", Resource: "*" },
    ];
    expect(status("CKV_AWS_355", pol(...denied))).toBe("passed");
  });
  it("CKV_AWS_274/CKV2_AWS_56 see managed policies attached to SSO permission sets", () => {
    const sso = (name: string) => ({
      "aws_ssoadmin_managed_policy_attachment.a": { managed_policy_arn: `arn:aws:iam::aws:policy/${name}` },
    });
    expect(status("CKV_AWS_274", sso("AdministratorAccess"))).toBe("failed");
    expect(status("CKV2_AWS_56", sso("IAMFullAccess"))).toBe("failed");
    expect(status("CKV2_AWS_56", sso("ReadOnlyAccess"))).toBe("passed");
  });
});

describe("CKV2_AWS_72, CKV2_AWS_35, CKV_AWS_60/61/393 as Checkov reads them", () => {
  it("CKV2_AWS_72 judges only MediaStore, MediaPackage and ELB origins, and not a disabled distribution", () => {
    const d = (domain_name: string, enabled = true) => ({
      "aws_cloudfront_distribution.d": {
        enabled,
        origin: [{ domain_name, custom_origin_config: { origin_protocol_policy: "match-viewer" } }],
      },
    });
    expect(status("CKV2_AWS_72", d("app.example.org"))).toBe("passed");
    expect(status("CKV2_AWS_72", d("web-1.eu-west-1.elb.amazonaws.com"))).toBe("failed");
    expect(status("CKV2_AWS_72", d("web-1.eu-west-1.elb.amazonaws.com", false))).toBe("passed");
  });
  it("CKV2_AWS_35 fails only a default route to a non-empty instance_id", () => {
    const route = (destination_cidr_block: string, instance_id: string) => ({
      "aws_route.r": { route_table_id: "rt", destination_cidr_block, instance_id },
    });
    expect(status("CKV2_AWS_35", route("10.1.0.0/16", "i-1"))).toBe("passed");
    expect(status("CKV2_AWS_35", route("0.0.0.0/0", ""))).toBe("passed");
    expect(status("CKV2_AWS_35", route("0.0.0.0/0", "i-1"))).toBe("failed");
  });
  it("CKV_AWS_60/61 pass a role with an empty or absent trust policy", () => {
    expect(status("CKV_AWS_60", { "aws_iam_role.r": { name: "r", assume_role_policy: "" } })).toBe("passed");
    expect(status("CKV_AWS_61", { "aws_iam_role.r": { name: "r" } })).toBe("passed");
  });
  it("CKV_AWS_393 accepts repo:<org>/* and an org-scoped sub key, not repo:<org>* or a workflow claim", () => {
    const gh = (key: string, sub: string) => ({
      "aws_iam_role.r": {
        assume_role_policy: doc({
          Effect: "Allow",
          Action: "sts:AssumeRoleWithWebIdentity",
          Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
          Condition: { StringLike: { [key]: sub } },
        }),
      },
    });
    const key = "token.actions.githubusercontent.com:sub";
    expect(status("CKV_AWS_393", gh(key, "repo:acme/*"))).toBe("passed");
    expect(status("CKV_AWS_393", gh("token.actions.githubusercontent.com/acme:sub", "repo:acme/app:ref:refs/heads/main"))).toBe("passed");
    expect(status("CKV_AWS_393", gh(key, "repo:acme*"))).toBe("failed");
    expect(status("CKV_AWS_393", gh(key, "workflow:deploy"))).toBe("failed");
    expect(status("CKV_AWS_393", gh("token.actions.githubusercontent.com:aud", "sts.amazonaws.com"))).toBe("failed");
  });
});

describe("CKV2_AWS_19 owners, as Checkov's graph check reads them", () => {
  const verdict = (doc: Record<string, Record<string, unknown>>) => {
    const resource: Record<string, Record<string, unknown>> = {};
    for (const [address, body] of Object.entries(doc)) {
      const [type, name] = address.split(".");
      (resource[type] ??= {})[name] = body;
    }
    return evaluate("t", { resource } as never).findings.find((f) => f.ruleId === "CKV2_AWS_19" && f.address === "aws_eip.e")?.status;
  };
  it.each([
    ["an EC2 instance", { "aws_instance.i": {}, "aws_eip.e": { domain: "vpc", instance: "${aws_instance.i.id}" } }, "passed"],
    ["a NAT gateway", { "aws_eip.e": { domain: "vpc" }, "aws_nat_gateway.n": { allocation_id: "${aws_eip.e.id}" } }, "passed"],
    [
      "an association with an instance",
      { "aws_eip.e": { vpc: true }, "aws_eip_association.a": { allocation_id: "${aws_eip.e.id}", instance_id: "i-1" } },
      "passed",
    ],
    ["a module's instance", { "aws_eip.e": { domain: "vpc", instance: "${module.ec2.id}" } }, "passed"],
    ["no owner", { "aws_eip.e": { domain: "vpc" } }, "failed"],
  ])("%s", (_label, doc, expected) => expect(verdict(doc)).toBe(expected));
  it("does not judge an EIP outside a VPC", () => expect(verdict({ "aws_eip.e": {} })).toBeUndefined());
});

describe("CKV_AWS_103 / AWS-0047: Checkov's TLS 1.2 graph check and Trivy's outdated list, apart", () => {
  it.each([
    ["an HTTP listener that forwards", { protocol: "HTTP", default_action: { type: "forward", target_group_arn: "tg" } }, "failed"],
    ["a redirect to HTTP", { protocol: "HTTP", default_action: { type: "redirect", redirect: { protocol: "HTTP" } } }, "failed"],
    ["a listener without a protocol", { load_balancer_arn: "lb" }, "failed"],
    [
      "a redirect to HTTPS",
      { protocol: "HTTP", default_action: { type: "redirect", redirect: { protocol: "HTTPS", port: "443" } } },
      "passed",
    ],
    ["TCP", { protocol: "TCP" }, "passed"],
    ["TLS13-1-0, which Checkov accepts by prefix", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-0-2021-06" }, "passed"],
  ])("CKV_AWS_103: %s", (_label, config, expected) => {
    expect(status("CKV_AWS_103", { "aws_lb_listener.l": config })).toBe(expected);
  });
  it("CKV_AWS_103 passes any listener of a gateway load balancer", () => {
    expect(
      status("CKV_AWS_103", {
        "aws_lb_listener.l": { load_balancer_arn: "${aws_lb.g.arn}" },
        "aws_lb.g": { load_balancer_type: "gateway" },
      }),
    ).toBe("passed");
  });
  it("AWS-0047 fails TLS13-1-0 and leaves HTTP listeners to CKV_AWS_2", () => {
    expect(status("AWS-0047", { "aws_lb_listener.l": { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-0-2021-06" } })).toBe(
      "failed",
    );
    expect(status("AWS-0047", { "aws_lb_listener.l": { protocol: "HTTP" } })).toBe("none");
  });
});

describe("CKV_AWS_24/25/260/277: an ingress naming no source Checkov counts is unrestricted", () => {
  const vpcRule = (config: object) => ({ "aws_vpc_security_group_ingress_rule.r": { security_group_id: "sg-1", ...config } });
  const inline = (rule: object) => ({ "aws_security_group.g": { ingress: [{ protocol: "-1", from_port: 0, to_port: 0, ...rule }] } });
  it.each([
    ["CKV_AWS_24", "a tcp 22 rule with no source", vpcRule({ ip_protocol: "tcp", from_port: 22, to_port: 22 }), "failed"],
    ["CKV_AWS_24", "an all-traffic block, self = false, no source", inline({ self: false }), "failed"],
    ["CKV_AWS_277", "an all-traffic block, self = false, no source", inline({ self: false }), "failed"],
    [
      "CKV_AWS_260",
      "tcp 80 from a referenced security group",
      vpcRule({ ip_protocol: "tcp", from_port: 80, to_port: 80, referenced_security_group_id: "sg-2" }),
      "failed",
    ],
    ["CKV_AWS_24", "an all-traffic block with self = true", inline({ self: true }), "passed"],
    ["CKV_AWS_24", "an all-traffic block from a security group", inline({ security_groups: ["sg-2"] }), "passed"],
    ["CKV_AWS_25", "an all-traffic block from a prefix list", inline({ prefix_list_ids: ["pl-1"] }), "passed"],
    [
      "CKV_AWS_260",
      "tcp 8080 from a referenced security group",
      vpcRule({ ip_protocol: "tcp", from_port: 8080, to_port: 8080, referenced_security_group_id: "sg-2" }),
      "passed",
    ],
    // Checkov judges a vpc rule only when it has ports; all traffic from a group has none.
    ["CKV_AWS_277", "all traffic from a referenced group", vpcRule({ ip_protocol: "-1", referenced_security_group_id: "sg-2" }), "passed"],
    ["CKV_AWS_24", "all traffic from a referenced group", vpcRule({ ip_protocol: "-1", referenced_security_group_id: "sg-2" }), "passed"],
    // cdktf writes unset block attributes as null, which Checkov reads as a value.
    ["CKV_AWS_24", "an all-traffic block as cdktf writes it", inline({ security_groups: null, cidr_blocks: null }), "passed"],
  ])("%s: %s", (id, _, resources, expected) => {
    expect(status(id, resources as Res)).toBe(expected);
  });
});

describe("CKV_AWS_2 and CKV2_AWS_20: listeners as ALBListenerHTTPS.py and ALBRedirectsHTTPToHTTPS.yaml read them", () => {
  const toHttps = { type: "redirect", redirect: { protocol: "HTTPS", port: "443" } };
  const listener = (config: Record<string, unknown>) => ({ "aws_lb_listener.l": config });
  it.each([
    ["no protocol, though it redirects", { port: 80, default_action: [toHttps] }, "failed"],
    ["HTTP whose first action forwards, a redirect second", { protocol: "HTTP", default_action: [{ type: "forward" }, toHttps] }, "failed"],
    ["GENEVE with a redirect", { protocol: "GENEVE", default_action: [toHttps] }, "failed"],
    [
      "HTTP redirecting with no protocol named",
      { protocol: "HTTP", default_action: [{ type: "redirect", redirect: { port: "443" } }] },
      "unknown",
    ],
    ["HTTP redirecting to HTTPS", { protocol: "HTTP", default_action: [toHttps] }, "passed"],
    ["TCP_UDP", { protocol: "TCP_UDP" }, "passed"],
    ["a protocol known at plan time", { protocol: "${var.protocol}" }, "unknown"],
  ])("CKV_AWS_2: %s", (_, config, expected) => {
    expect(status("CKV_AWS_2", listener(config))).toBe(expected);
  });
  const onLb = (config: object) => ({ "aws_lb.lb": {}, "aws_lb_listener.l": { load_balancer_arn: "${aws_lb.lb.arn}", ...config } });
  it.each([
    ["port 80 without protocol, redirecting", { port: 80, default_action: [toHttps] }, "failed"],
    ["HTTP on 8080, redirecting", { port: 8080, protocol: "HTTP", default_action: [toHttps] }, "failed"],
    [
      "HTTP on 80 redirecting to HTTPS:8443",
      { port: 80, protocol: "HTTP", default_action: [{ ...toHttps, redirect: { protocol: "HTTPS", port: "8443" } }] },
      "failed",
    ],
    ["HTTP on 80 redirecting to HTTPS:443", { port: 80, protocol: "HTTP", default_action: [toHttps] }, "passed"],
    ["HTTPS on 443", { port: 443, protocol: "HTTPS", default_action: [{ type: "forward" }] }, "passed"],
  ])("CKV2_AWS_20: %s", (_, config, expected) => {
    expect(status("CKV2_AWS_20", onLb(config))).toBe(expected);
  });
});

describe("CKV2_AWS_74, CKV_AWS_328, CKV_AWS_378: the scanners' lists and resource types", () => {
  it("CKV2_AWS_74 fails a weak policy that is set", () => {
    expect(status("CKV2_AWS_74", { "aws_alb_listener.l": { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-2015-05" } })).toBe("failed");
  });
  it("CKV_AWS_328 reads classic load balancers too", () => {
    expect(status("CKV_AWS_328", { "aws_elb.e": { desync_mitigation_mode: "monitor" } })).toBe("failed");
  });
  it("CKV_AWS_261 reads aws_alb_target_group too", () => {
    expect(status("CKV_AWS_261", { "aws_alb_target_group.t": { protocol: "HTTP" } })).toBe("failed");
  });
  it("CKV_AWS_378 reads aws_alb_target_group, and passes HTTP behind an HTTPS listener", () => {
    expect(status("CKV_AWS_378", { "aws_alb_target_group.t": { protocol: "HTTP" } })).toBe("failed");
    expect(
      status("CKV_AWS_378", {
        "aws_alb_target_group.t": { protocol: "HTTP" },
        "aws_alb_listener.l": { protocol: "HTTPS", default_action: { type: "forward", target_group_arn: "${aws_alb_target_group.t.arn}" } },
      }),
    ).toBe("passed");
  });
});

describe("S3: CKV_AWS_19, 57, 93 and 144 as Checkov's checks read buckets", () => {
  const sse = (alg: string) => ({ rule: { apply_server_side_encryption_by_default: { sse_algorithm: alg } } });
  it("CKV_AWS_19 reads inline and dynamic encryption blocks", () => {
    expect(status("CKV_AWS_19", { "aws_s3_bucket.b": { server_side_encryption_configuration: sse("aws:kms:dsse") } })).toBe("failed");
    expect(
      status("CKV_AWS_19", {
        "aws_s3_bucket.b": { dynamic: { server_side_encryption_configuration: { for_each: "${var.on}", content: sse("rot13") } } },
      }),
    ).toBe("failed");
    expect(status("CKV_AWS_19", { "aws_s3_bucket.b": { server_side_encryption_configuration: sse("AES256") } })).toBe("passed");
    expect(status("CKV_AWS_19", { "aws_s3_bucket.b": {} })).toBe("passed");
  });
  it("CKV_AWS_57 fails an AllUsers grant in an ACL that also grants WRITE", () => {
    const aclOf = (grants: object[]) => ({
      "aws_s3_bucket.b": { bucket: "b" },
      "aws_s3_bucket_acl.a": { bucket: "${aws_s3_bucket.b.id}", access_control_policy: { grant: grants } },
    });
    const everyone = (permission: string) => ({
      grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" },
      permission,
    });
    expect(status("CKV_AWS_57", aclOf([everyone("WRITE_ACP")]))).toBe("failed");
    expect(status("CKV_AWS_57", aclOf([everyone("READ")]))).toBe("passed");
  });
  it("CKV_AWS_93 passes a literal policy that is not JSON, and still cannot judge a reference", () => {
    const p = (policy: string) => ({ "aws_s3_bucket_policy.p": { bucket: "b", policy } });
    expect(status("CKV_AWS_93", p(`{"Statement": [{"Effect": "Deny" "Principal": "*", "Action": "*"}]}`))).toBe("passed");
    expect(status("CKV_AWS_93", p("${aws_iam_policy.x.policy}"))).toBe("unknown");
  });
  it("CKV_AWS_144 reads inline replication rules", () => {
    const rep = (status_: string) => ({
      "aws_s3_bucket.b": { replication_configuration: { role: "r", rules: [{ id: "dr", status: status_ }] } },
    });
    expect(status("CKV_AWS_144", rep("Enabled"))).toBe("passed");
    expect(status("CKV_AWS_144", rep("Disabled"))).toBe("failed");
  });
});

describe("RDS: Checkov's and Trivy's readings apart", () => {
  it("CKV_AWS_133 passes an unset retention (AWS's default 1); AWS-0077 does not", () => {
    expect(status("CKV_AWS_133", { "aws_rds_cluster.c": {} })).toBe("passed");
    expect(status("CKV_AWS_133", { "aws_rds_cluster.c": { backup_retention_period: 1 } })).toBe("passed");
    expect(status("CKV_AWS_133", { "aws_rds_cluster.c": { backup_retention_period: 40 } })).toBe("failed");
    expect(status("AWS-0077", { "aws_rds_cluster.c": {} })).toBe("failed");
  });
  it("CKV_AWS_96 passes Aurora Serverless v1 whatever storage_encrypted says; AWS-0079 does not", () => {
    const serverless = { "aws_rds_cluster.c": { engine_mode: "serverless", storage_encrypted: false } };
    expect(status("CKV_AWS_96", serverless)).toBe("passed");
    expect(status("AWS-0079", serverless)).toBe("failed");
  });
  it("CKV_AWS_118 wants a number, as Checkov compares it", () => {
    expect(status("CKV_AWS_118", { "aws_db_instance.d": { monitoring_interval: "30" } })).toBe("failed");
  });
  it("CKV2_AWS_60 fails a docdb-engined instance even with tags copied", () => {
    expect(status("CKV2_AWS_60", { "aws_db_instance.d": { engine: "docdb", copy_tags_to_snapshot: true } })).toBe("failed");
  });
  it("CKV2_AWS_69 reads db2-ae (db2comm) and sqlserver (rds.force_ssl) parameter groups", () => {
    const withGroup = (family: string, name: string, value: string) => ({
      "aws_db_instance.d": { engine: "db2-ae", parameter_group_name: "${aws_db_parameter_group.p.name}" },
      "aws_db_parameter_group.p": { family, parameter: [{ name, value }] },
    });
    expect(status("CKV2_AWS_69", withGroup("db2-ae-11.5", "db2comm", "TCPIP"))).toBe("failed");
    expect(status("CKV2_AWS_69", withGroup("db2-ae-11.5", "db2comm", "SSL"))).toBe("passed");
    expect(status("CKV2_AWS_69", withGroup("sqlserver-se-15.0", "rds.force_ssl", "0"))).toBe("failed");
  });
  it("CKV_AWS_353 exempts only Checkov's six MySQL/MariaDB classes and DB2; AWS-0133 exempts nothing", () => {
    const db = (engine: string, instance_class: string) => ({ "aws_db_instance.d": { engine, instance_class } });
    expect(status("CKV_AWS_353", db("mysql", "db.t4g.small"))).toBe("none");
    expect(status("CKV_AWS_353", db("db2-se", "db.r6i.large"))).toBe("none");
    expect(status("CKV_AWS_353", db("mysql", "db.m1.small"))).toBe("failed");
    expect(status("CKV_AWS_353", db("aurora-mysql", "db.t3.small"))).toBe("failed");
    expect(status("AWS-0133", db("mysql", "db.t4g.small"))).toBe("failed");
  });
  it("CKV_AWS_250 knows Aurora PostgreSQL's own patched versions", () => {
    const cluster = (engine_version: string) => ({ "aws_rds_cluster.c": { engine: "aurora-postgresql", engine_version } });
    expect(status("CKV_AWS_250", cluster("11.9"))).toBe("passed");
    expect(status("CKV_AWS_250", cluster("11.8"))).toBe("failed");
    expect(status("CKV_AWS_250", { "aws_db_instance.d": { engine: "postgres", engine_version: "9.6.22" } })).toBe("passed");
  });
});

describe("DynamoDB, ECR, SQS, CloudFront, IAM, Config: Checkov's subject and Trivy's half", () => {
  it("CKV2_AWS_16 wants a scaling policy on the table's dynamodb target", () => {
    const table = { "aws_dynamodb_table.t": { name: "t", billing_mode: "PROVISIONED" } };
    const target = { "aws_appautoscaling_target.a": { resource_id: "table/${aws_dynamodb_table.t.name}", service_namespace: "dynamodb" } };
    expect(status("CKV2_AWS_16", { ...table, ...target })).toBe("failed");
    expect(
      status("CKV2_AWS_16", {
        ...table,
        ...target,
        "aws_appautoscaling_policy.p": { resource_id: "${aws_appautoscaling_target.a.resource_id}" },
      }),
    ).toBe("passed");
  });
  it("CKV_AWS_136 takes the AWS-managed ECR key; AWS-0033 does not", () => {
    const repo = { "aws_ecr_repository.r": { encryption_configuration: { encryption_type: "KMS" } } };
    expect(status("CKV_AWS_136", repo)).toBe("passed");
    expect(status("AWS-0033", repo)).toBe("failed");
  });
  it("CKV2_AWS_73 fails only alias/aws/sqs; AWS-0135 wants a customer-managed key", () => {
    expect(status("CKV2_AWS_73", { "aws_sqs_queue.q": {} })).toBe("passed");
    expect(status("AWS-0135", { "aws_sqs_queue.q": {} })).toBe("failed");
  });
  it("CKV2_AWS_47 fails a distribution with no web ACL", () => {
    expect(status("CKV2_AWS_47", { "aws_cloudfront_distribution.d": { enabled: true } })).toBe("failed");
  });
  it("CKV_AWS_40 passes an attachment with an empty users list", () => {
    expect(status("CKV_AWS_40", { "aws_iam_policy_attachment.a": { policy_arn: "arn:p", users: [] } })).toBe("passed");
  });
});

describe("policies written as data.aws_iam_policy_document are read, as Checkov renders them", () => {
  /** The rule's status on `subject`, over resources and data sources (type.name keys). */
  const verdictOn = (id: string, subject: string, resources: Res, data: Res = {}) => {
    const group = (flat: Res) => {
      const out: Record<string, Record<string, Record<string, unknown>>> = {};
      for (const [address, config] of Object.entries(flat)) {
        const [type, name] = address.split(".");
        (out[type] ??= {})[name] = config;
      }
      return out;
    };
    const rule = ALL_RULES.find((r) => r.id === id)!;
    return (
      evaluate("t", { resource: group(resources), data: group(data) }, [], [rule]).findings.find((f) => f.address === subject)?.status ??
      "none"
    );
  };
  const document = (statement: object[], extra: object = {}) => ({ "aws_iam_policy_document.d": { statement, ...extra } });
  const ref = "${data.aws_iam_policy_document.d.json}";

  it("a role policy built from a document that allows iam:* fails CKV2_AWS_40, and so does the document", () => {
    const data = document([{ actions: ["iam:*"], resources: ["*"] }]);
    expect(verdictOn("CKV2_AWS_40", "aws_iam_role_policy.p", { "aws_iam_role_policy.p": { role: "r", policy: ref } }, data)).toBe("failed");
    expect(verdictOn("CKV2_AWS_40", "data.aws_iam_policy_document.d", {}, data)).toBe("failed");
  });
  it("CKV_AWS_356 judges a document as CKV_AWS_355 judges a policy", () => {
    const subject = "data.aws_iam_policy_document.d";
    expect(verdictOn("CKV_AWS_356", subject, {}, document([{ actions: ["ecs:DescribeServices"], resources: ["*"] }]))).toBe("failed");
    expect(verdictOn("CKV_AWS_356", subject, {}, document([{ actions: ["ecr:GetAuthorizationToken"], resources: ["*"] }]))).toBe("passed");
  });
  it("a scoped document passes where it used to be unknown", () => {
    const data = document([{ effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }]);
    expect(verdictOn("CKV2_AWS_40", "aws_iam_role_policy.p", { "aws_iam_role_policy.p": { role: "r", policy: ref } }, data)).toBe("passed");
  });
  it("principals and conditions render into Principal and Condition (CKV_AWS_70, CKV_AWS_60)", () => {
    const everyone = (condition?: object) =>
      document([
        {
          actions: ["s3:GetObject"],
          resources: ["arn:aws:s3:::b/*"],
          principals: [{ type: "*", identifiers: ["*"] }],
          ...(condition ? { condition: [condition] } : {}),
        },
      ]);
    const policy = { "aws_s3_bucket_policy.p": { bucket: "b", policy: ref } };
    expect(verdictOn("CKV_AWS_70", "aws_s3_bucket_policy.p", policy, everyone())).toBe("failed");
    expect(
      verdictOn(
        "CKV_AWS_70",
        "aws_s3_bucket_policy.p",
        policy,
        everyone({ test: "StringEquals", variable: "aws:PrincipalOrgID", values: ["o-abc"] }),
      ),
    ).toBe("passed");
    const trust = document([{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["*"] }] }]);
    expect(verdictOn("CKV_AWS_60", "aws_iam_role.r", { "aws_iam_role.r": { assume_role_policy: ref } }, trust)).toBe("failed");
  });
  it("a document merging other documents, or one not in the configuration, stays unknown", () => {
    const merged = document([{ actions: ["s3:GetObject"], resources: ["*"] }], {
      source_policy_documents: ["${data.aws_iam_policy_document.base.json}"],
    });
    const resources = { "aws_iam_policy.p": { policy: ref } };
    expect(verdictOn("CKV2_AWS_40", "aws_iam_policy.p", resources, merged)).toBe("unknown");
    expect(verdictOn("CKV2_AWS_40", "aws_iam_policy.p", resources)).toBe("unknown");
  });
  it("CKV2_AWS_56 fails a data.aws_iam_policy that looks up IAMFullAccess", () => {
    expect(
      verdictOn("CKV2_AWS_56", "data.aws_iam_policy.p", {}, { "aws_iam_policy.p": { arn: "arn:aws:iam::aws:policy/IAMFullAccess" } }),
    ).toBe("failed");
    expect(verdictOn("CKV2_AWS_56", "data.aws_iam_policy.p", {}, { "aws_iam_policy.p": { name: "ReadOnlyAccess" } })).toBe("passed");
  });
  it("rules on every resource do not judge data sources", () => {
    const everyRule = ALL_RULES.filter((r) => r.resourceTypes.includes("*"));
    const findings = evaluate("t", { data: { aws_region: { current: {} } } }, [], everyRule, { allowedRegions: ["eu-central-1"] }).findings;
    expect(findings.filter((f) => f.address.startsWith("data."))).toEqual([]);
  });
});

describe("rules that judge what Checkov judges", () => {
  const statusOf = (ruleId: string, address: string, resource: Record<string, Record<string, unknown>>) =>
    evaluate("t", { resource } as never).findings.find((f) => f.ruleId === ruleId && f.address === address)?.status;

  it("CKV2_AWS_48 judges the recorder itself, with or without a status resource", () => {
    const recorder = (global: boolean) => ({
      aws_config_configuration_recorder: { r: { recording_group: { include_global_resource_types: global } } },
    });
    expect(statusOf("CKV2_AWS_48", "aws_config_configuration_recorder.r", recorder(false))).toBe("failed");
    expect(statusOf("CKV2_AWS_48", "aws_config_configuration_recorder.r", recorder(true))).toBe("passed");
  });

  it('CKV2_AWS_69 accepts only "1" for MySQL\'s require_secure_transport, as Checkov does', () => {
    const mysql = (value: string) => ({
      aws_db_instance: { db: { engine: "mysql", parameter_group_name: "${aws_db_parameter_group.pg.name}" } },
      aws_db_parameter_group: { pg: { family: "mysql8.0", parameter: [{ name: "require_secure_transport", value }] } },
    });
    expect(statusOf("CKV2_AWS_69", "aws_db_instance.db", mysql("ON"))).toBe("failed");
    expect(statusOf("CKV2_AWS_69", "aws_db_instance.db", mysql("1"))).toBe("passed");
  });
});

describe("CKV_AWS_393 judges only roles GitHub's OIDC provider can assume", () => {
  it("says nothing about a service role, so reports do not list it as passing there", () => {
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    const findings = evaluate("t", { resource: { aws_iam_role: { flow: { assume_role_policy: trust } } } } as never).findings;
    expect(findings.filter((f) => f.ruleId === "CKV_AWS_393")).toEqual([]);
  });
});

describe("a second fidelity pass: what the scanners fail that the rules passed", () => {
  it('CKV2_AWS_27 takes the engines within "aurora-postgresql" (Checkov\'s substring test)', () => {
    expect(status("CKV2_AWS_27", { "aws_rds_cluster.c": { engine: "postgres" } })).toBe("failed");
    expect(status("CKV2_AWS_27", { "aws_rds_cluster.c": { engine: "aurora-mysql" } })).toBe("none");
  });
  it("CKV2_AWS_76 fails a public load balancer associated with a web ACL it cannot read", () => {
    const lb = { "aws_lb.lb": {}, "aws_wafv2_web_acl_association.a": { resource_arn: "${aws_lb.lb.arn}", web_acl_arn: "arn:aws:wafv2:x" } };
    expect(status("CKV2_AWS_76", lb)).toBe("failed");
    expect(status("CKV2_AWS_76", { "aws_lb.lb": {} })).toBe("passed");
  });
  it("CKV2_AWS_5 counts only Checkov's attaching types: an RDS proxy does not attach a group", () => {
    const sg = { "aws_security_group.g": { description: "x" } };
    expect(status("CKV2_AWS_5", { ...sg, "aws_db_proxy.p": { vpc_security_group_ids: ["${aws_security_group.g.id}"] } })).toBe("failed");
    expect(status("CKV2_AWS_5", { ...sg, "aws_apprunner_vpc_connector.v": { security_groups: ["${aws_security_group.g.id}"] } })).toBe(
      "passed",
    );
  });
  it("AWS-0053 judges classic ELBs; AWS-0047 an outdated ssl_policy on any listener", () => {
    expect(status("AWS-0053", { "aws_elb.e": { listener: [] } })).toBe("failed");
    expect(status("AWS-0047", { "aws_lb_listener.l": { protocol: "HTTP", ssl_policy: "ELBSecurityPolicy-2016-08" } })).toBe("failed");
  });
  it("CKV_AWS_53-56 fail a bucket no public access block names, as Trivy does", () => {
    for (const id of ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"]) {
      expect(status(id, { "aws_s3_bucket.b": { bucket: "b" } })).toBe("failed");
    }
    const blocked = { "aws_s3_bucket.b": { bucket: "b" }, "aws_s3_bucket_public_access_block.p": { bucket: "${aws_s3_bucket.b.id}" } };
    expect(status("CKV_AWS_53", blocked)).toBe("none");
  });
  it("CKV_AWS_23 reads Checkov's classic groups and Trivy's default group rules", () => {
    expect(status("CKV_AWS_23", { "aws_elasticache_security_group.g": { name: "g" } })).toBe("failed");
    expect(status("CKV_AWS_23", { "aws_default_security_group.d": { vpc_id: "v" } })).toBe("passed");
    expect(status("CKV_AWS_23", { "aws_default_security_group.d": { vpc_id: "v", ingress: [{ protocol: "-1", self: true }] } })).toBe(
      "failed",
    );
  });
  it("AWS-0077 skips what Trivy's adapter skips: a replica of an instance in the configuration, a cluster replica", () => {
    expect(status("AWS-0077", { "aws_db_instance.r": { replicate_source_db: "arn:aws:rds:eu-west-1:1:db:src" } })).toBe("failed");
    const inConfig = { "aws_db_instance.r": { replicate_source_db: "${aws_db_instance.p.identifier}" }, "aws_db_instance.p": {} };
    expect(status("AWS-0077", inConfig)).toBe("none");
    expect(status("AWS-0077", { "aws_rds_cluster.c": { replication_source_identifier: "arn:aws:rds:x" } })).toBe("none");
  });
});

describe("rules stricter than their scanner say so", () => {
  it("in their metadata and in every finding's description", () => {
    const stricter = ALL_RULES.filter((r) => r.stricter);
    expect(stricter.map((r) => r.id).sort()).toEqual([
      "AWS-0047",
      "AWS-0105",
      "AWS-0135",
      "AWS-0320",
      "CKV2_AWS_30",
      "CKV2_AWS_43",
      "CKV2_AWS_69",
      "CKV_AWS_119",
      "CKV_AWS_192",
      "CKV_AWS_2",
      "CKV_AWS_20",
      "CKV_AWS_224",
      "CKV_AWS_229",
      "CKV_AWS_230",
      "CKV_AWS_231",
      "CKV_AWS_232",
      "CKV_AWS_277",
      "CKV_AWS_300",
      "CKV_AWS_322",
      "CKV_AWS_335",
      "CKV_AWS_41",
      "CKV_AWS_57",
      "CKV_AWS_60",
      "CKV_AWS_70",
    ]);
    const doc = { resource: { aws_lb_listener: { l: { protocol: "HTTPS", port: 443 } } } };
    const finding = evaluate("t", doc as never).findings.find((f) => f.ruleId === "AWS-0047")!;
    expect(finding.description).toMatch(/Stricter than Trivy: a listener without ssl_policy fails/);
  });
});
