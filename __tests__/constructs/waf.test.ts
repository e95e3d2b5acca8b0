/** The ALB's REGIONAL web ACL on synthesized JSON: rules, association, logs, alarms, guardrails. */
import { App } from "cdktf";
import { resolve } from "../../config/resolve";
import { WebAcl } from "../../constructs/web-acl";
import { evaluateStack } from "../../guardrails/enforce";
import { suppressionsIn } from "../../guardrails/suppressions";
import { AppStack } from "../../stacks/app-stack";
import {
  addressOf,
  albCertificateArns,
  baseSpec,
  onlyResource,
  referenced,
  resourcesOfType,
  synthStack,
  validSpec,
  type TfJson,
} from "../helpers";
import { ENVIRONMENTS, type AppSpec, type EnvironmentName } from "../../config/schema";

/** One ECS service behind the ALB, with `waf` as the config's edge.waf. */
function spec(waf?: NonNullable<AppSpec["edge"]>["waf"]): AppSpec {
  const s = baseSpec();
  s.services = [{ name: "api", kind: "ecs", imageTag: "1.0.0", port: 8000, healthCheckPath: "/healthz" }];
  s.edge = { alb: { certificateArns: albCertificateArns() }, ...(waf ? { waf } : {}) };
  return validSpec(s);
}

const stackOf = (s: AppSpec, env: EnvironmentName) => new AppStack(new App(), resolve(s, env));
const BUILT_IN = [
  "AWSManagedRulesAmazonIpReputationList",
  "AWSManagedRulesAnonymousIpList",
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
];
const rulesOf = (tf: TfJson) => onlyResource(tf, "aws_wafv2_web_acl").rule as any[];

describe("web ACL on the ALB", () => {
  const tf = synthStack(stackOf(spec(), "prod"));
  const acl = onlyResource(tf, "aws_wafv2_web_acl");
  const aclAddress = `aws_wafv2_web_acl.${addressOf(tf, acl).split(".")[1]}`;

  it("REGIONAL, default allow, metrics and sampled requests on for the ACL and each rule", () => {
    expect(acl).toMatchObject({ name: "demo-prod-waf", scope: "REGIONAL", default_action: { allow: {} } });
    const visibilities = [acl.visibility_config, ...rulesOf(tf).map((r) => r.visibility_config)];
    for (const v of visibilities) expect(v).toMatchObject({ cloudwatch_metrics_enabled: true, sampled_requests_enabled: true });
    expect(acl.visibility_config.metric_name).toBe("demo-prod-waf");
  });

  it("rules: the rate rule first, then the managed groups in order, each enforcing", () => {
    const rules = rulesOf(tf);
    expect(rules.map((r) => [r.priority, r.name])).toEqual([[0, "RateLimitPerIp"], ...BUILT_IN.map((g, i) => [i + 1, g])]);
    const [rate, ...managed] = rules;
    expect(rate.action).toEqual({ block: {} });
    expect(rate.statement).toEqual({ rate_based_statement: { limit: 2000, aggregate_key_type: "IP", evaluation_window_sec: 300 } });
    for (const r of managed) {
      expect(r.override_action).toEqual({ none: {} });
      expect(r.statement).toEqual({ managed_rule_group_statement: { name: r.name, vendor_name: "AWS" } });
    }
  });

  it("config: rate limit and extra groups after the built-in ones, a repeated group once", () => {
    const extra = ["AWSManagedRulesLinuxRuleSet", "AWSManagedRulesPHPRuleSet", "AWSManagedRulesLinuxRuleSet"] as const;
    const custom = synthStack(stackOf(spec({ rateLimitPer5Min: 500, extraManagedRuleGroups: [...extra] }), "dev"));
    const rules = rulesOf(custom);
    expect(rules[0].statement.rate_based_statement.limit).toBe(500);
    expect(rules.slice(1).map((r) => r.name)).toEqual([...BUILT_IN, "AWSManagedRulesLinuxRuleSet", "AWSManagedRulesPHPRuleSet"]);
    expect(rules.map((r) => r.priority)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("association: this ACL on the ALB", () => {
    const assoc = onlyResource(tf, "aws_wafv2_web_acl_association");
    expect(assoc.web_acl_arn).toBe(`\${${aclAddress}.arn}`);
    expect(referenced(tf, assoc.resource_arn)).toBe(onlyResource(tf, "aws_lb"));
  });

  it("logging: to aws-waf-logs-<app>-<env>, KMS with the data key, preset retention, credentials redacted", () => {
    const logging = onlyResource(tf, "aws_wafv2_web_acl_logging_configuration");
    expect(logging.resource_arn).toBe(`\${${aclAddress}.arn}`);
    expect(logging.redacted_fields).toEqual([{ single_header: { name: "authorization" } }, { single_header: { name: "cookie" } }]);
    const [destination] = logging.log_destination_configs;
    const group = referenced(tf, destination);
    expect(group).toMatchObject({ name: "aws-waf-logs-demo-prod", retention_in_days: 365 });
    expect(referenced(tf, group.kms_key_id)).toMatchObject({ description: expect.stringMatching(/data/i) });
    expect(logging.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_cloudwatch_log_resource_policy\./)]));
  });

  it("the data key admits CloudWatch Logs for the WAF log group", () => {
    const group = resourcesOfType(tf, "aws_cloudwatch_log_group").find((g) => g.name === "aws-waf-logs-demo-prod")!;
    const key = referenced(tf, group.kms_key_id);
    const st = JSON.parse(key.policy).Statement.find((s: any) => s.Sid === "AllowCloudWatchLogs");
    const pattern = st.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"] as string;
    const glob = new RegExp(`^${pattern.replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`);
    expect(st.Principal).toEqual({ Service: "logs.eu-central-1.amazonaws.com" });
    expect("arn:aws:logs:eu-central-1:333333333333:log-group:aws-waf-logs-demo-prod").toMatch(glob);
  });

  it("log resource policy: log delivery of this account, to this group's streams only", () => {
    const policy = onlyResource(tf, "aws_cloudwatch_log_resource_policy");
    const [st] = JSON.parse(policy.policy_document).Statement;
    expect(st).toMatchObject({
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: "arn:aws:logs:eu-central-1:333333333333:log-group:aws-waf-logs-demo-prod:log-stream:*",
      Condition: {
        StringEquals: { "aws:SourceAccount": "333333333333" },
        ArnLike: { "aws:SourceArn": "arn:aws:logs:eu-central-1:333333333333:*" },
      },
    });
  });

  it("alarm pair on blocked requests of the whole ACL", () => {
    const alarms = resourcesOfType(tf, "aws_cloudwatch_metric_alarm").filter((a) => a.namespace === "AWS/WAFV2");
    expect(alarms.map((a) => [a.alarm_name, a.threshold]).sort()).toEqual([
      ["demo-prod-waf-blocked-critical", 1000],
      ["demo-prod-waf-blocked-warning", 100],
    ]);
    for (const a of alarms) {
      expect(a).toMatchObject({ metric_name: "BlockedRequests", statistic: "Sum" });
      expect(a.dimensions).toEqual({ WebACL: "demo-prod-waf", Region: "eu-central-1", Rule: "ALL" });
    }
  });

  it.each(ENVIRONMENTS)("%s: the WAF rules pass and the ALB needs no CKV2_AWS_28 suppression", (env) => {
    const stack = stackOf(spec(), env);
    expect(suppressionsIn(stack).filter((x) => x.id === "CKV2_AWS_28")).toEqual([]);
    const { findings } = evaluateStack({ stack });
    const ids = ["CKV2_AWS_28", "CKV2_AWS_76", "CKV_AWS_192", "CKV2_AWS_31", "CKV_AWS_175", "CKV_AWS_342"];
    const status = (id: string) => [...new Set(findings.filter((f) => f.ruleId === id).map((f) => f.status))];
    for (const id of ids) expect([id, status(id)]).toEqual([id, ["passed"]]);
    // On the ALB and the web ACL's parts, only the known exceptions remain.
    const parts = findings.filter((f) => /WebAcl|^aws_lb\./.test(f.address) && f.status !== "passed");
    const expected = ["AWS-0053", ...(env === "prod" ? [] : ["CKV_AWS_150"])];
    expect(parts.map((f) => `${f.ruleId} ${f.status}`).sort()).toEqual(expected.map((id) => `${id} suppressed`));
  });

  it("enabled: false builds no web ACL, and CKV2_AWS_28 then fails", () => {
    const stack = stackOf(spec({ enabled: false }), "prod");
    expect(stack.compute.webAcl).toBeUndefined();
    const json = stack.toTerraform() as TfJson;
    expect(resourcesOfType(json, "aws_wafv2_web_acl")).toEqual([]);
    const alb = evaluateStack({ stack }).findings.filter((f) => f.ruleId === "CKV2_AWS_28");
    expect(alb.map((f) => f.status)).toEqual(["failed"]);
  });

  it("WebAcl rejects a log group WAF cannot log to", () => {
    const stack = stackOf(spec({ enabled: false }), "dev");
    const logs = { groupName: "/demo/dev/waf", retentionDays: 365, kmsKeyArn: "arn:key", redactedHeaders: [] };
    const props = {
      name: "x",
      managedRuleGroups: [],
      rateLimitPer5Min: 100,
      protectedArns: [],
      logs,
      accountId: "1",
      region: "eu-central-1",
      partition: "aws",
    };
    expect(() => new WebAcl(stack, "Bad", props)).toThrow(/logs\.groupName.*aws-waf-logs-.*\/demo\/dev\/waf/);
  });
});
