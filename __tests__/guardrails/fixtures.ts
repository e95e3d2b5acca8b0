/** Fixtures not yet beside their rules (moving to guardrails/rules/<service>/<rule-id>.fixtures.ts). */
import {
  acl,
  allow,
  bucket,
  dist,
  document,
  iamPolicy,
  ingress,
  lb,
  one,
  policy,
  ref,
  roleWithInlinePolicies,
  type RuleFixture,
  sg,
  trail,
  trust,
} from "../../guardrails/rules/fixture-helpers";

export const FIXTURES: Record<string, RuleFixture> = {
  CKV_AWS_2: {
    pass: one("aws_lb_listener", {
      protocol: "HTTP",
      default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443" } }],
    }),
    fail: one("aws_lb_listener", { protocol: "HTTP", default_action: [{ type: "forward" }] }),
  },
  CKV_AWS_103: {
    pass: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    fail: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-FS-1-1-2019-08" }),
  },
  "AWS-0047": {
    pass: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    fail: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06" }),
  },
  CKV2_AWS_74: {
    pass: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    fail: one("aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-2016-08" }),
  },
  CKV2_AWS_20: {
    pass: {
      ...lb(),
      "aws_lb_listener.l": {
        load_balancer_arn: ref("aws_lb.lb", "arn"),
        port: 80,
        protocol: "HTTP",
        default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443" } }],
      },
    },
    fail: {
      ...lb(),
      "aws_lb_listener.l": {
        load_balancer_arn: ref("aws_lb.lb", "arn"),
        port: 80,
        protocol: "HTTP",
        default_action: [{ type: "forward" }],
      },
    },
  },
  CKV_AWS_91: { pass: lb({ access_logs: { enabled: true, bucket: "logs" } }), fail: lb() },
  CKV_AWS_131: { pass: lb({ drop_invalid_header_fields: true }), fail: lb() },
  CKV_AWS_150: { pass: lb({ enable_deletion_protection: true }), fail: lb() },
  CKV_AWS_328: { pass: lb({ desync_mitigation_mode: "strictest" }), fail: lb({ desync_mitigation_mode: "monitor" }) },
  CKV2_AWS_28: {
    pass: { ...lb(), "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: "arn:acl" } },
    fail: lb(),
  },
  CKV2_AWS_76: {
    pass: {
      ...lb(),
      ...acl(["AWSManagedRulesAnonymousIpList", "AWSManagedRulesKnownBadInputsRuleSet"]),
      "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: ref("aws_wafv2_web_acl.acl", "arn") },
    },
    fail: {
      ...lb(),
      ...acl(["AWSManagedRulesCommonRuleSet"]),
      "aws_wafv2_web_acl_association.a": { resource_arn: ref("aws_lb.lb", "arn"), web_acl_arn: ref("aws_wafv2_web_acl.acl", "arn") },
    },
  },
  CKV_AWS_152: {
    pass: lb({ load_balancer_type: "network", enable_cross_zone_load_balancing: true }),
    fail: lb({ load_balancer_type: "network" }),
  },
  "AWS-0053": { pass: lb({ internal: true }), fail: lb({ internal: false }) },
  CKV_AWS_378: { pass: one("aws_lb_target_group", { protocol: "HTTPS" }), fail: one("aws_lb_target_group", { protocol: "HTTP" }) },
  CKV_AWS_261: {
    pass: one("aws_lb_target_group", { protocol: "HTTP", health_check: { path: "/healthz" } }),
    fail: one("aws_lb_target_group", { protocol: "HTTP" }),
  },
  CKV_AWS_192: {
    pass: acl(["AWSManagedRulesKnownBadInputsRuleSet"]),
    fail: {
      "aws_wafv2_web_acl.acl": {
        rule: [
          {
            name: "k",
            override_action: { count: {} },
            statement: { managed_rule_group_statement: { name: "AWSManagedRulesKnownBadInputsRuleSet" } },
          },
        ],
      },
    },
  },
  CKV_AWS_175: { pass: acl(["AWSManagedRulesCommonRuleSet"]), fail: one("aws_wafv2_web_acl", { rule: [] }) },
  CKV_AWS_342: {
    pass: acl(["AWSManagedRulesCommonRuleSet"]),
    fail: one("aws_wafv2_web_acl", { rule: [{ name: "rate", statement: { rate_based_statement: { limit: 100 } } }] }),
  },
  CKV_AWS_176: {
    pass: one("aws_wafregional_web_acl", { logging_configuration: { log_destination: "arn:firehose" } }),
    fail: one("aws_waf_web_acl", {}),
  },
  CKV2_AWS_31: {
    pass: { ...acl(["x"]), "aws_wafv2_web_acl_logging_configuration.l": { resource_arn: ref("aws_wafv2_web_acl.acl", "arn") } },
    fail: acl(["x"]),
  },
  CKV_AWS_34: { pass: dist(), fail: dist({ default_cache_behavior: { viewer_protocol_policy: "allow-all" } }) },
  CKV_AWS_174: {
    pass: dist(),
    fail: dist({ viewer_certificate: { acm_certificate_arn: "arn:cert", minimum_protocol_version: "TLSv1.1_2016" } }),
  },
  "AWS-0013": {
    pass: dist(),
    fail: dist({ viewer_certificate: { acm_certificate_arn: "arn:cert", minimum_protocol_version: "TLSv1.2_2019" } }),
  },
  CKV2_AWS_42: { pass: dist(), fail: dist({ viewer_certificate: { cloudfront_default_certificate: true } }) },
  CKV_AWS_68: { pass: dist({ web_acl_id: "arn:acl" }), fail: dist() },
  CKV_AWS_86: { pass: dist({ logging_config: { bucket: "logs.s3.amazonaws.com" } }), fail: dist() },
  "AWS-0010": {
    pass: {
      ...dist(),
      "aws_cloudwatch_log_delivery_source.s": { log_type: "ACCESS_LOGS", resource_arn: ref("aws_cloudfront_distribution.r", "arn") },
      "aws_cloudwatch_log_delivery.d": { delivery_source_name: ref("aws_cloudwatch_log_delivery_source.s", "name") },
    },
    fail: dist(),
  },
  CKV_AWS_305: { pass: dist({ default_root_object: "index.html" }), fail: dist() },
  CKV_AWS_310: {
    pass: dist({ origin_group: [{ failover_criteria: { status_codes: [500] }, member: [{ origin_id: "a" }, { origin_id: "b" }] }] }),
    fail: dist(),
  },
  CKV_AWS_374: {
    pass: dist({ restrictions: { geo_restriction: { restriction_type: "whitelist", locations: ["DE"] } } }),
    fail: dist({ restrictions: { geo_restriction: { restriction_type: "none" } } }),
  },
  CKV2_AWS_32: {
    pass: {
      ...dist({
        default_cache_behavior: {
          viewer_protocol_policy: "redirect-to-https",
          response_headers_policy_id: ref("aws_cloudfront_response_headers_policy.h"),
        },
      }),
      "aws_cloudfront_response_headers_policy.h": {},
    },
    fail: dist(),
  },
  CKV_AWS_259: {
    pass: one("aws_cloudfront_response_headers_policy", {
      security_headers_config: {
        strict_transport_security: { access_control_max_age_sec: 31536000, include_subdomains: true, preload: true, override: true },
      },
    }),
    fail: one("aws_cloudfront_response_headers_policy", {
      security_headers_config: {
        strict_transport_security: { access_control_max_age_sec: 86400, include_subdomains: true, preload: true, override: true },
      },
    }),
  },
  CKV2_AWS_46: {
    pass: {
      ...dist({ origin: [{ domain_name: ref("aws_s3_bucket.b", "bucket_regional_domain_name"), origin_access_control_id: "oac" }] }),
      ...bucket,
    },
    fail: { ...dist({ origin: [{ domain_name: ref("aws_s3_bucket.b", "bucket_regional_domain_name") }] }), ...bucket },
  },
  CKV2_AWS_54: {
    pass: dist({ origin: [{ custom_origin_config: { origin_ssl_protocols: ["TLSv1.2"] } }] }),
    fail: dist({ origin: [{ custom_origin_config: { origin_ssl_protocols: ["SSLv3", "TLSv1.2"] } }] }),
  },
  CKV2_AWS_72: {
    pass: dist({ origin: [{ domain_name: "api.example.com", custom_origin_config: { origin_protocol_policy: "https-only" } }] }),
    fail: dist({
      origin: [{ domain_name: "api-1.eu-central-1.elb.amazonaws.com", custom_origin_config: { origin_protocol_policy: "http-only" } }],
    }),
  },
  CKV2_AWS_47: {
    pass: {
      ...dist({ web_acl_id: ref("aws_wafv2_web_acl.acl", "arn") }),
      ...acl(["AWSManagedRulesAnonymousIpList", "AWSManagedRulesKnownBadInputsRuleSet"]),
    },
    fail: { ...dist({ web_acl_id: ref("aws_wafv2_web_acl.acl", "arn") }), ...acl(["AWSManagedRulesCommonRuleSet"]) },
  },
  CKV_AWS_158: { pass: one("aws_cloudwatch_log_group", { kms_key_id: "arn:key" }), fail: one("aws_cloudwatch_log_group", {}) },
  CKV_AWS_66: { pass: one("aws_cloudwatch_log_group", { retention_in_days: 30 }), fail: one("aws_cloudwatch_log_group", {}) },
  CKV_AWS_338: {
    pass: one("aws_cloudwatch_log_group", { retention_in_days: 365 }),
    fail: one("aws_cloudwatch_log_group", { retention_in_days: 180 }),
  },
  CKV_AWS_319: { pass: one("aws_cloudwatch_metric_alarm", {}), fail: one("aws_cloudwatch_metric_alarm", { actions_enabled: false }) },
  // SNS / SQS
  CKV_AWS_26: { pass: one("aws_sns_topic", { kms_master_key_id: "arn:key" }), fail: one("aws_sns_topic", {}) },
  "AWS-0136": {
    pass: one("aws_sns_topic", { kms_master_key_id: "arn:key" }),
    fail: one("aws_sns_topic", { kms_master_key_id: "alias/aws/sns" }),
  },
  CKV_AWS_169: {
    pass: one("aws_sns_topic_policy", {
      policy: policy({ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: "*" }),
    }),
    fail: one("aws_sns_topic_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: "*" }) }),
  },
  CKV_AWS_385: {
    pass: one("aws_sns_topic_policy", {
      policy: policy({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:role/app" },
        Action: "sns:Publish",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
      }),
    }),
    fail: one("aws_sns_topic_policy", {
      policy: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: "sns:Publish", Resource: "*" }),
    }),
  },
  CKV_AWS_168: {
    pass: one("aws_sqs_queue_policy", {
      policy: policy({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*" }),
    }),
    fail: one("aws_sqs_queue_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }) }),
  },
  "AWS-0097": {
    pass: one("aws_sqs_queue_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }) }),
    fail: one("aws_sqs_queue_policy", {
      policy: policy({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: ["SQS:*"], Resource: "*" }),
    }),
  },
  CKV_AWS_27: { pass: one("aws_sqs_queue", { kms_master_key_id: "arn:key" }), fail: one("aws_sqs_queue", {}) },
  CKV2_AWS_73: {
    pass: one("aws_sqs_queue", { kms_master_key_id: "arn:key" }),
    fail: one("aws_sqs_queue", { kms_master_key_id: "alias/aws/sqs" }),
  },
  "AWS-0135": {
    pass: one("aws_sqs_queue", { kms_master_key_id: "arn:key" }),
    fail: one("aws_sqs_queue", { sqs_managed_sse_enabled: true }),
  },
  CKV_AWS_149: {
    pass: one("aws_secretsmanager_secret", { kms_key_id: "arn:key" }),
    fail: one("aws_secretsmanager_secret", { kms_key_id: "alias/aws/secretsmanager" }),
  },
  CKV2_AWS_57: {
    pass: { "aws_secretsmanager_secret.s": {}, "aws_secretsmanager_secret_rotation.r": { secret_id: ref("aws_secretsmanager_secret.s") } },
    fail: one("aws_secretsmanager_secret", {}),
  },
  CKV_AWS_304: {
    pass: one("aws_secretsmanager_secret_rotation", { rotation_rules: { schedule_expression: "rate(30 days)" } }),
    fail: one("aws_secretsmanager_secret_rotation", { rotation_rules: { automatically_after_days: 365 } }),
  },
  CKV_AWS_35: { pass: one("aws_cloudtrail", { kms_key_id: "arn:key" }), fail: one("aws_cloudtrail", {}) },
  CKV_AWS_36: { pass: one("aws_cloudtrail", { enable_log_file_validation: true }), fail: one("aws_cloudtrail", {}) },
  CKV_AWS_67: { pass: one("aws_cloudtrail", { is_multi_region_trail: true }), fail: one("aws_cloudtrail", {}) },
  CKV_AWS_251: { pass: one("aws_cloudtrail", {}), fail: one("aws_cloudtrail", { enable_logging: false }) },
  CKV_AWS_252: { pass: one("aws_cloudtrail", { sns_topic_name: "trail-deliveries" }), fail: one("aws_cloudtrail", {}) },
  CKV2_AWS_10: {
    pass: {
      "aws_cloudtrail.t": {
        cloud_watch_logs_group_arn: `${ref("aws_cloudwatch_log_group.g", "arn")}:*`,
        cloud_watch_logs_role_arn: "arn:role",
      },
      "aws_cloudwatch_log_group.g": {},
    },
    fail: one("aws_cloudtrail", {}),
  },
  "AWS-0162": {
    pass: one("aws_cloudtrail", { cloud_watch_logs_group_arn: "arn:aws:logs:eu-central-1:111122223333:log-group:trail:*" }),
    fail: one("aws_cloudtrail", {}),
  },
  "AWS-0163": { pass: { ...trail(), "aws_s3_bucket_logging.l": { bucket: ref("aws_s3_bucket.b") } }, fail: trail() },
  "AWS-0161": { pass: trail(), fail: { ...trail(), "aws_s3_bucket_acl.a": { bucket: ref("aws_s3_bucket.b"), acl: "public-read" } } },
  CKV2_AWS_11: { pass: { "aws_vpc.v": {}, "aws_flow_log.f": { vpc_id: ref("aws_vpc.v") } }, fail: one("aws_vpc", {}) },
  CKV2_AWS_12: {
    pass: { "aws_vpc.v": {}, "aws_default_security_group.d": { vpc_id: ref("aws_vpc.v") } },
    fail: { "aws_vpc.v": {}, "aws_default_security_group.d": { vpc_id: ref("aws_vpc.v"), ingress: [{ protocol: "-1", self: true }] } },
  },
  CKV_AWS_23: {
    pass: sg({ ingress: [{ description: "https", from_port: 443, to_port: 443, protocol: "tcp", security_groups: ["sg-1"] }] }),
    fail: sg({ description: "Managed by Terraform" }),
  },
  CKV_AWS_24: { pass: ingress(22, 22, "10.0.0.0/16"), fail: ingress(0, 1024) },
  CKV_AWS_25: { pass: ingress(443, 443), fail: ingress(3389, 3389) },
  CKV_AWS_260: {
    pass: ingress(443, 443),
    fail: {
      "aws_security_group_rule.r": {
        type: "ingress",
        from_port: 80,
        to_port: 80,
        protocol: "tcp",
        cidr_blocks: ["0.0.0.0/0"],
        description: "http",
      },
    },
  },
  CKV_AWS_277: {
    pass: ingress(443, 443),
    fail: sg({ ingress: [{ from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"], description: "all" }] }),
  },
  CKV_AWS_382: {
    pass: sg({ egress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["10.0.0.0/16"], description: "vpc" }] }),
    fail: { "aws_vpc_security_group_egress_rule.e": { cidr_ipv4: "0.0.0.0/0", ip_protocol: "-1", description: "all" } },
  },
  CKV2_AWS_5: { pass: sg({}), fail: { "aws_security_group.sg": { description: "unused" } } },
  CKV_AWS_130: { pass: one("aws_subnet", { map_public_ip_on_launch: false }), fail: one("aws_subnet", { map_public_ip_on_launch: true }) },
  CKV_AWS_148: {
    forbidsType: true,
    pass: one("aws_vpc", { cidr_block: "10.0.0.0/16" }),
    fail: one("aws_default_vpc", { tags: { Name: "Default VPC" } }),
  },
  "AWS-0102": {
    pass: one("aws_network_acl", {
      ingress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "10.0.64.0/20", from_port: 5432, to_port: 5432 }],
    }),
    fail: one("aws_network_acl_rule", { rule_number: 100, rule_action: "allow", protocol: "-1", cidr_block: "10.0.0.0/16", egress: false }),
  },
  "AWS-0105": {
    pass: one("aws_network_acl", {
      egress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 443, to_port: 443 }],
    }),
    fail: one("aws_network_acl", {
      ingress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 443, to_port: 443 }],
    }),
  },
  CKV_AWS_230: {
    pass: one("aws_network_acl", {
      ingress: [{ action: "allow", protocol: "tcp", cidr_block: "10.0.0.0/16", from_port: 0, to_port: 65535 }],
    }),
    fail: one("aws_network_acl", { ingress: [{ action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 0, to_port: 1024 }] }),
  },
  CKV_AWS_229: {
    pass: one("aws_network_acl_rule", {
      rule_action: "allow",
      protocol: "tcp",
      cidr_block: "0.0.0.0/0",
      from_port: 21,
      to_port: 21,
      egress: true,
    }),
    fail: one("aws_network_acl_rule", { rule_action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 21, to_port: 21 }),
  },
  CKV_AWS_232: {
    pass: one("aws_network_acl", { ingress: [{ action: "deny", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 22, to_port: 22 }] }),
    fail: one("aws_network_acl", { ingress: [{ action: "allow", protocol: "-1", cidr_block: "0.0.0.0/0", from_port: 0, to_port: 0 }] }),
  },
  CKV_AWS_231: {
    pass: one("aws_network_acl", {}),
    fail: one("aws_network_acl", {
      ingress: [{ action: "allow", protocol: "tcp", ipv6_cidr_block: "::/0", from_port: 3389, to_port: 3389 }],
    }),
  },
  CKV2_AWS_19: {
    pass: { "aws_eip.e": { domain: "vpc" }, "aws_nat_gateway.n": { allocation_id: "${aws_eip.e.id}" } },
    fail: { "aws_eip.e": { domain: "vpc" }, "aws_eip.other": { domain: "vpc", tags: { Name: "unused" } } },
  },
  CKV_AWS_238: { pass: one("aws_guardduty_detector", { enable: true }), fail: one("aws_guardduty_detector", { enable: false }) },
  CKV2_AWS_3: {
    pass: {
      "aws_guardduty_detector.d": { enable: true },
      "aws_guardduty_organization_configuration.o": {
        detector_id: "${aws_guardduty_detector.d.id}",
        auto_enable_organization_members: "ALL",
      },
    },
    fail: one("aws_guardduty_detector", { enable: true }),
  },
  CKV2_AWS_45: {
    pass: {
      "aws_config_configuration_recorder.r": { recording_group: { all_supported: true } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
    fail: {
      "aws_config_configuration_recorder.r": { recording_group: { all_supported: false } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
  },
  CKV2_AWS_48: {
    pass: {
      "aws_config_configuration_recorder.r": { recording_group: { include_global_resource_types: true } },
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
    fail: {
      "aws_config_configuration_recorder.r": {},
      "aws_config_configuration_recorder_status.s": { name: "${aws_config_configuration_recorder.r.name}", is_enabled: true },
    },
  },
  CKV2_AWS_1: { pass: one("aws_network_acl", { subnet_ids: ["subnet-1"] }), fail: one("aws_network_acl", {}) },
  CKV2_AWS_35: {
    pass: one("aws_route", { destination_cidr_block: "0.0.0.0/0", nat_gateway_id: "nat-1" }),
    fail: one("aws_route", { destination_cidr_block: "0.0.0.0/0", instance_id: "i-1" }),
  },
  CKV_AWS_60: { pass: trust({ Service: "ecs-tasks.amazonaws.com" }), fail: trust({ AWS: "*" }) },
  CKV_AWS_61: { pass: trust({ AWS: "arn:aws:iam::111111111111:role/ci" }), fail: trust({ AWS: "arn:aws:iam::111111111111:root" }) },
  CKV_AWS_393: {
    pass: trust(
      { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
      { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/api:environment:prod" } },
    ),
    fail: trust(
      { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
      { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme*" } },
    ),
  },
  CKV_AWS_62: { pass: iamPolicy(allow("s3:GetObject")), fail: iamPolicy(allow("*", "*")) },
  CKV_AWS_63: { pass: iamPolicy(allow("s3:GetObject")), fail: iamPolicy(allow("*")) },
  CKV_AWS_355: { pass: iamPolicy(allow("ecr:GetAuthorizationToken", "*")), fail: iamPolicy(allow("s3:GetObject", "*")) },
  CKV2_AWS_40: { pass: iamPolicy(allow("iam:GetRole")), fail: iamPolicy(allow("iam:*")) },
  CKV_AWS_274: {
    pass: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
    fail: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
  },
  CKV2_AWS_56: {
    pass: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
    fail: one("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/IAMFullAccess" }),
  },
  CKV_AWS_40: { pass: one("aws_iam_policy_attachment", { roles: ["r"] }), fail: one("aws_iam_user_policy_attachment", { user: "u" }) },
  // IAM policy analysis (cloudsplaining): unconstrained = Resource * (or no ARN possible), no Condition.
  CKV_AWS_286: {
    pass: iamPolicy(allow("iam:UpdateLoginProfile", "arn:aws:iam::1:user/u")),
    fail: iamPolicy(allow("iam:UpdateLoginProfile", "*")),
  },
  CKV_AWS_287: {
    pass: iamPolicy(allow("ecr:GetAuthorizationToken", "*")),
    fail: iamPolicy(allow("sts:GetSessionToken", "arn:aws:iam::1:role/r")),
  },
  CKV_AWS_288: {
    pass: iamPolicy(allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-central-1:1:secret:s")),
    fail: iamPolicy(allow("s3:GetObject", "*")),
  },
  CKV_AWS_289: {
    pass: iamPolicy({ ...allow("kms:CreateGrant", "*"), Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } }),
    fail: iamPolicy(allow("s3:PutBucketPolicy", "*")),
  },
  CKV_AWS_290: { pass: iamPolicy(allow("xray:PutTraceSegments", "*")), fail: iamPolicy(allow("logs:PutLogEvents", "*")) },
  CKV_AWS_110: { pass: document(["iam:PassRole"], ["arn:aws:iam::1:role/r"]), fail: document(["iam:PassRole", "ec2:RunInstances"], ["*"]) },
  CKV_AWS_107: { pass: document(["ecr:GetAuthorizationToken"], ["*"]), fail: document(["iam:CreateAccessKey"], ["*"]) },
  CKV_AWS_108: { pass: document(["s3:GetObject"], ["arn:aws:s3:::b/*"]), fail: document(["ssm:GetParameters"], ["*"]) },
  CKV_AWS_109: { pass: document(["iam:*"], ["arn:aws:iam::1:role/r"]), fail: document(["iam:*"], ["*"]) },
  CKV_AWS_111: { pass: document(["s3:*"], ["arn:aws:s3:::b"]), fail: document(["s3:*"], ["*"]) },
  "AWS-0342": {
    pass: iamPolicy(allow("iam:PassRole", "arn:aws:iam::1:role/task"), {
      Effect: "Deny",
      Action: "iam:PassRole",
      NotResource: "arn:aws:iam::1:role/task",
    }),
    fail: iamPolicy(allow("iam:PassRole", "arn:aws:iam::1:role/task")),
  },
  PRJ_APPRUNNER_CMK: {
    pass: one("aws_apprunner_service", { encryption_configuration: { kms_key: "arn:key" } }),
    fail: one("aws_apprunner_service", {}),
  },
  PRJ_APPRUNNER_VPC_EGRESS: {
    pass: one("aws_apprunner_service", {
      network_configuration: { egress_configuration: { egress_type: "VPC", vpc_connector_arn: "arn:connector" } },
    }),
    fail: one("aws_apprunner_service", { network_configuration: { egress_configuration: { egress_type: "DEFAULT" } } }),
  },
  PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS: {
    pass: one("aws_apprunner_service", {
      source_configuration: {
        image_repository: {
          image_configuration: {
            runtime_environment_variables: { NODE_ENV: "production" },
            runtime_environment_secrets: { DATABASE_PASSWORD: "arn:secret" },
          },
        },
      },
    }),
    fail: one("aws_apprunner_service", {
      source_configuration: {
        image_repository: { image_configuration: { runtime_environment_variables: { DATABASE_PASSWORD: "not-a-real-value" } } },
      },
    }),
  },
  PRJ_IAM_ROLE_POLICY_SIZE: {
    pass: roleWithInlinePolicies(30),
    fail: roleWithInlinePolicies(31),
  },
  PRJ_DATA_RESIDENCY: { pass: one("aws_s3_bucket", { region: "eu-central-1" }), fail: one("aws_kms_key", { region: "us-east-1" }) },
  "AWS-0346": { pass: iamPolicy(allow(["s3:Get*", "s3:Put*"], "arn:aws:s3:::b/*")), fail: iamPolicy(allow(["s3:Get*", "s3:Put*"], "*")) },
  "AWS-0345": { pass: iamPolicy(allow(["s3:GetObject", "s3:PutObject"])), fail: iamPolicy(allow("s3:*")) },
  CKV_AWS_41: {
    pass: { "provider.aws.0": { region: "us-east-1" } },
    fail: { "provider.aws.0": { region: "us-east-1", access_key: "AKIA-not-real", secret_key: "not-a-real-secret" } },
  },
};
