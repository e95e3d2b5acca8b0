/** Readers and resource-type lists shared by the s3 rules. */
import type { TfGraph, TfResource } from "../../graph";
import { fail, notApplicable, type Rule } from "../../types";
import { all, blocks, get, list, mustBeTrue, policyStatements } from "../helpers";

export const BUCKET = ["aws_s3_bucket"];
export const PAB = ["aws_s3_bucket_public_access_block"];
export const PUBLIC_ACLS = ["public-read", "public-read-write", "website", "authenticated-read"];
export const SSE = "aws_s3_bucket_server_side_encryption_configuration";
/** An SSE configuration's rules, `dynamic "rule"` content included (Checkov renders it). */
export const sseRules = (c: Record<string, unknown>) => [...blocks(c.rule), ...all(c, "dynamic.rule.content").flatMap(blocks)];
export const sseAlgorithms = (c: TfResource) =>
  sseRules(c.config).map((r) => get(r, "apply_server_side_encryption_by_default.sse_algorithm"));

/** Companions Trivy attaches to a bucket: their `bucket` references it or is its name. */
export const bucketCompanions = (b: TfResource, g: TfGraph, type: string) =>
  g
    .ofType(type)
    .filter((c) => g.resolveRef(c.config.bucket) === b || (typeof b.config.bucket === "string" && c.config.bucket === b.config.bucket));

export const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
export const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
export const lowerList = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string").map((x) => x.toLowerCase());

/**
 * Trivy's log-bucket test (AWS-0089, AWS-0132): ACL log-delivery-write, a grant to the
 * LogDelivery group whose permissions satisfy `grantOk`, or a policy statement that lets
 * logging.s3.amazonaws.com s3:PutObject.
 */
export function isTrivyLogTarget(b: TfResource, g: TfGraph, grantOk: (permissions: string[]) => boolean): boolean {
  const acls = bucketCompanions(b, g, "aws_s3_bucket_acl");
  if ([b.config.acl, ...acls.map((a) => a.config.acl)].some((a) => String(a).toLowerCase() === "log-delivery-write")) return true;
  const grants = [
    ...blocks(b.config.grant).map((gr) => ({ uri: gr.uri, permissions: list(gr.permissions as string[]) })),
    ...acls
      .flatMap((a) => all(a.config, "access_control_policy.grant"))
      .flatMap(blocks)
      .map((gr) => ({ uri: get(gr, "grantee.uri"), permissions: list(gr.permission as string) })),
  ];
  if (grants.some((gr) => gr.uri === LOG_DELIVERY && grantOk(gr.permissions))) return true;
  const policies = [b.config.policy, ...bucketCompanions(b, g, "aws_s3_bucket_policy").map((p) => p.config.policy)];
  return policies.some((p) =>
    (policyStatements(p, g) ?? []).some(
      (st) =>
        String(st.Effect).toLowerCase() === "allow" &&
        lowerList(st.Action).includes("s3:putobject") &&
        lowerList((st.Principal as Record<string, unknown> | undefined)?.Service).includes("logging.s3.amazonaws.com"),
    ),
  );
}

/**
 * One public access block setting (CKV_AWS_53-56): true on every block; and, as Trivy's
 * AWS-0086/0087/0091/0093 do, a bucket that no block names fails under the same id.
 */
export function publicAccessBlockRule(meta: Omit<Rule, "check" | "resourceTypes">, attribute: string): Rule {
  const onBlock = mustBeTrue({ ...meta, resourceTypes: PAB }, attribute);
  return {
    ...onBlock,
    resourceTypes: [...PAB, ...BUCKET],
    description: `${meta.description} A bucket that no public access block names fails too (Trivy).`,
    check: (r, g, context) => {
      if (r.type !== "aws_s3_bucket") return onBlock.check(r, g, context);
      return bucketCompanions(r, g, PAB[0]).length > 0 ? notApplicable : fail("no public access block names this bucket");
    },
  };
}
