/**
 * Builders for the rules' fixtures (`<rule-id>.fixtures.ts` beside each rule): small Terraform
 * JSON documents keyed by address. Test-only: no rule imports this file or a fixtures file,
 * so the synth bundle holds neither (rules.test.ts loads them).
 */

/** Terraform addresses (`aws_s3_bucket.b`, `data.aws_iam_policy_document.d`, `provider.aws.0`) to their configuration. */
export type Fixture = Record<string, Record<string, unknown>>;

/** A rule's two fixtures: the first resource of a type it checks passes in `pass` and fails in `fail`. */
export interface RuleFixture {
  readonly pass: Fixture;
  readonly fail: Fixture;
  /**
   * The rule fails every resource of its types (Checkov: "Ensure no aws_db_security_group
   * resources exist"): no configuration passes, so `pass` holds what the rule's fix recommends
   * instead, where the rule has nothing to say. @default false
   */
  readonly forbidsType?: boolean;
}

/** A fixtures file's export: the fixtures of each rule in the file beside it, by rule id. */
export type RuleFixtures = Readonly<Record<string, RuleFixture>>;

export const ref = (address: string, attr = "id") => `\${${address}.${attr}}`;
export const policy = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
export const bucket = { "aws_s3_bucket.b": { bucket: "demo-bucket" } };
export const withCompanion = (type: string, config: object): Fixture => ({
  ...bucket,
  [`${type}.c`]: { bucket: ref("aws_s3_bucket.b"), ...config },
});
export const pab = (v: boolean) => ({
  "aws_s3_bucket_public_access_block.p": {
    bucket: "x",
    block_public_acls: v,
    block_public_policy: v,
    ignore_public_acls: v,
    restrict_public_buckets: v,
  },
});
export const one = (type: string, config: Record<string, unknown>): Fixture => ({ [`${type}.r`]: config });
export const container = (c: object) => JSON.stringify([{ name: "api", image: "x", ...c }]);
export const pgInstance = { engine: "postgres", engine_version: "16.3", instance_class: "db.t4g.medium" };
export const lb = (config: object = {}) => ({ "aws_lb.lb": { load_balancer_type: "application", ...config } });
export const acl = (groups: string[]) => ({
  "aws_wafv2_web_acl.acl": {
    rule: groups.map((name) => ({
      name,
      override_action: { none: {} },
      statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } },
    })),
  },
});
export const dist = (config: object = {}) =>
  one("aws_cloudfront_distribution", {
    default_cache_behavior: { viewer_protocol_policy: "redirect-to-https" },
    viewer_certificate: { acm_certificate_arn: "arn:cert", minimum_protocol_version: "TLSv1.2_2021" },
    ...config,
  });
export const sg = (config: object) => ({
  "aws_security_group.sg": { description: "app", ...config },
  "aws_lb.x": { security_groups: [ref("aws_security_group.sg")] },
});
export const ingress = (from: number, to: number, cidr = "0.0.0.0/0") =>
  sg({ ingress: [{ from_port: from, to_port: to, protocol: "tcp", cidr_blocks: [cidr], description: "d" }] });
export const trust = (Principal: object, Condition?: object) =>
  one("aws_iam_role", {
    assume_role_policy: policy({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }),
  });
export const iamPolicy = (...st: object[]) => one("aws_iam_policy", { policy: policy(...st) });
export const allow = (Action: string | string[], Resource: string | string[] = "arn:aws:s3:::b/*") => ({
  Effect: "Allow",
  Action,
  Resource,
});
/** A data.aws_iam_policy_document of one statement (effect defaults to Allow). */
export const document = (actions: string[], resources: string[]): Fixture => ({
  "data.aws_iam_policy_document.d": { statement: [{ actions, resources }] },
});
/**
 * A role and two inline policies of n statements each, every one with a reference (counted as
 * 100 characters): 30 make 10,196 and pass, 31 make 10,534 and fail.
 */
export const roleWithInlinePolicies = (n: number): Fixture => {
  const st = (p: string) =>
    Array.from({ length: n }, (_, i) => ({
      Sid: `${p}${i}`,
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: ref(`aws_s3_bucket.b${i}`, "arn"),
    }));
  return {
    "aws_iam_role.r": {
      name: "task",
      assume_role_policy: policy({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }),
    },
    "aws_iam_role_policy.a": { role: ref("aws_iam_role.r"), policy: policy(...st("A")) },
    "aws_iam_role_policy.b": { role: "task", policy: policy(...st("B")) },
  };
};
/** A VPC security group, what the EC2-Classic DB and cache security groups give way to. */
export const vpcSg = (name: string): Fixture => ({ [`aws_security_group.${name}`]: { description: name, vpc_id: "vpc-1" } });
export const trail = (config: object = {}) => ({ "aws_cloudtrail.t": { s3_bucket_name: ref("aws_s3_bucket.b"), ...config }, ...bucket });
