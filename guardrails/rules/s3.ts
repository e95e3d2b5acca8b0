/** S3: scanner-rules.md §2.1. Bucket rules follow companion resources that reference the bucket. */
import { fail, notApplicable, pass, type Rule } from "../types";
import type { TfGraph, TfResource } from "../graph";
import {
  all,
  blocks,
  checkovRestrictingCondition,
  companionRule,
  get,
  isSet,
  isTrue,
  isWildcardPrincipal,
  list,
  mustBeTrue,
  policyRule,
  policyStatements,
} from "./helpers";

const BUCKET = ["aws_s3_bucket"];
const PAB = ["aws_s3_bucket_public_access_block"];
const PUBLIC_ACLS = ["public-read", "public-read-write", "website", "authenticated-read"];
const SSE = "aws_s3_bucket_server_side_encryption_configuration";
/** An SSE configuration's rules, `dynamic "rule"` content included (Checkov renders it). */
const sseRules = (c: Record<string, unknown>) => [...blocks(c.rule), ...all(c, "dynamic.rule.content").flatMap(blocks)];
const sseAlgorithms = (c: TfResource) => sseRules(c.config).map((r) => get(r, "apply_server_side_encryption_by_default.sse_algorithm"));

/** Companions Trivy attaches to a bucket: their `bucket` references it or is its name. */
const bucketCompanions = (b: TfResource, g: TfGraph, type: string) =>
  g
    .ofType(type)
    .filter((c) => g.resolveRef(c.config.bucket) === b || (typeof b.config.bucket === "string" && c.config.bucket === b.config.bucket));

const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const lowerList = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string").map((x) => x.toLowerCase());

/**
 * Trivy's log-bucket test (AWS-0089, AWS-0132): ACL log-delivery-write, a grant to the
 * LogDelivery group whose permissions satisfy `grantOk`, or a policy statement that lets
 * logging.s3.amazonaws.com s3:PutObject.
 */
function isTrivyLogTarget(b: TfResource, g: TfGraph, grantOk: (permissions: string[]) => boolean): boolean {
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

export const s3Rules: Rule[] = [
  companionRule(
    {
      id: "CKV_AWS_18",
      checkov: "CKV_AWS_18",
      severity: "medium",
      resourceTypes: BUCKET,
      description:
        "Bucket has server access logging: inline logging, or an aws_s3_bucket_logging " +
        "connected to it either way (a log target counts, as in Checkov's graph).",
      fix: "Give the bucket `logging: { target: <log bucket> }` (SecureBucket) so an aws_s3_bucket_logging references it.",
    },
    ["aws_s3_bucket_logging"],
    () => true,
    "no aws_s3_bucket_logging references this bucket",
    (b) => blocks(b.config.logging).length > 0,
  ),
  {
    id: "AWS-0089",
    trivy: ["AWS-0089", "aws-s3-enable-logging"],
    severity: "medium",
    resourceTypes: BUCKET,
    description:
      "Trivy's half of CKV_AWS_18: inline logging or an aws_s3_bucket_logging whose bucket is " +
      "this one; log-delivery targets (log-delivery-write ACL, a LogDelivery grant with FULL_CONTROL " +
      "or WRITE+READ_ACP, a policy letting logging.s3.amazonaws.com s3:PutObject) are exempt.",
    fix: "Add aws_s3_bucket_logging with bucket = this bucket and a target_bucket.",
    check: (b, g) => {
      if (blocks(b.config.logging).length > 0) return pass;
      if (bucketCompanions(b, g, "aws_s3_bucket_logging").length > 0) return pass;
      if (isTrivyLogTarget(b, g, (p) => p.includes("FULL_CONTROL") || (p.includes("WRITE") && p.includes("READ_ACP")))) return pass;
      return fail("no logging, and not a log-delivery target");
    },
  },
  companionRule(
    {
      id: "CKV_AWS_21",
      checkov: "CKV_AWS_21",
      trivy: ["AWS-0090", "aws-s3-enable-versioning"],
      severity: "medium",
      resourceTypes: BUCKET,
      description: "Versioning is Enabled (inline or in an aws_s3_bucket_versioning referencing the bucket); Suspended fails.",
      fix: 'Add aws_s3_bucket_versioning with versioning_configuration.status = "Enabled".',
    },
    ["aws_s3_bucket_versioning"],
    (v) => get(v.config, "versioning_configuration.status") === "Enabled",
    "versioning is not Enabled",
    (b) => isTrue(get(b.config, "versioning.enabled")),
  ),
  companionRule(
    {
      id: "CKV_AWS_145",
      checkov: "CKV_AWS_145",
      severity: "high",
      resourceTypes: BUCKET,
      description:
        "Default encryption is aws:kms (inline, or in a connected " +
        "aws_s3_bucket_server_side_encryption_configuration); the key is not inspected.",
      fix: 'Set SSE-KMS with the environment\'s CMK: sse_algorithm = "aws:kms", kms_master_key_id = <key arn>.',
    },
    ["aws_s3_bucket_server_side_encryption_configuration"],
    (c) => sseRules(c.config).some((r) => get(r, "apply_server_side_encryption_by_default.sse_algorithm") === "aws:kms"),
    "no SSE-KMS (aws:kms) rule",
    (b) =>
      all(b.config, "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm").includes("aws:kms"),
  ),
  {
    id: "AWS-0132",
    trivy: ["AWS-0132", "aws-s3-encryption-customer-key"],
    severity: "high",
    resourceTypes: BUCKET,
    description:
      "Trivy's half of CKV_AWS_145: default encryption (inline or an SSE configuration of this " +
      "bucket) names a kms_master_key_id; log-delivery targets (log-delivery-write ACL, a LogDelivery " +
      "grant with WRITE or FULL_CONTROL, a policy letting logging.s3.amazonaws.com s3:PutObject) are exempt.",
    fix: 'Set kms_master_key_id = <key arn> with sse_algorithm = "aws:kms".',
    check: (b, g) => {
      if (isTrivyLogTarget(b, g, (p) => p.includes("WRITE") || p.includes("FULL_CONTROL"))) return pass;
      const configs = [b.config.server_side_encryption_configuration, ...bucketCompanions(b, g, SSE).map((c) => c.config)];
      const keys = configs.flatMap((c) => all(c, "rule.apply_server_side_encryption_by_default.kms_master_key_id"));
      return keys.some(isSet) ? pass : fail("no kms_master_key_id in the bucket's default encryption");
    },
  },
  {
    id: "CKV_AWS_19",
    checkov: "CKV_AWS_19",
    severity: "medium",
    resourceTypes: BUCKET,
    description:
      "Default encryption, inline (dynamic blocks included) or in a connected aws_s3_bucket_server_side_encryption_configuration, " +
      "is aws:kms or AES256; a bucket with neither passes (S3 encrypts with SSE-S3 by default).",
    fix: 'Use sse_algorithm "aws:kms" (or AES256 for log-delivery targets).',
    check: (b, g) => {
      const inline = [
        b.config.server_side_encryption_configuration,
        ...all(b.config, "dynamic.server_side_encryption_configuration.content"),
      ]
        .flatMap(blocks)
        .flatMap((c) => all(c, "rule.apply_server_side_encryption_by_default.sse_algorithm"));
      const ok = (a: unknown) => a === "aws:kms" || a === "AES256";
      if (inline.some(ok)) return pass;
      const companions = g.connected(b, SSE);
      const algs = companions.flatMap(sseAlgorithms);
      if (companions.length === 0 && inline.length === 0) return pass;
      if (companions.length > 0 && algs.some(ok)) return pass;
      const bad = [...inline, ...algs];
      return fail(`sse_algorithm ${bad.map(String).join(", ") || "not set"} is neither aws:kms nor AES256`);
    },
  },
  {
    id: "CKV_AWS_20",
    checkov: "CKV_AWS_20",
    trivy: ["AWS-0092", "aws-s3-no-public-access-with-acl"],
    severity: "high",
    resourceTypes: BUCKET,
    description: "No public canned ACL (public-read, public-read-write, website, authenticated-read) and no grant to AllUsers.",
    fix: "Remove the ACL; keep object ownership BucketOwnerEnforced so ACLs are disabled.",
    check: (b, g) => {
      const acls = [b.config.acl, ...g.referencing(b, "aws_s3_bucket_acl").map((a) => a.config.acl)];
      const grants = g.referencing(b, "aws_s3_bucket_acl").flatMap((a) => JSON.stringify(a.config.access_control_policy ?? ""));
      if (acls.some((a) => typeof a === "string" && PUBLIC_ACLS.includes(a))) return fail(`public ACL ${acls.filter(Boolean).join(", ")}`);
      if (grants.some((s) => s.includes("global/AllUsers"))) return fail("an ACL grants access to AllUsers");
      return pass;
    },
  },
  {
    id: "CKV_AWS_57",
    checkov: "CKV_AWS_57",
    trivy: ["AWS-0092"],
    severity: "critical",
    resourceTypes: BUCKET,
    description:
      "No public-read-write ACL, and no aws_s3_bucket_acl grant to AllUsers where any grant of that ACL is WRITE, WRITE_ACP " +
      "or FULL_CONTROL (Checkov's S3PublicACLWrite reads the grants as a set).",
    fix: "Remove the ACL and the AllUsers grant; keep object ownership BucketOwnerEnforced so ACLs are disabled.",
    check: (b, g) => {
      const acls = g.connected(b, "aws_s3_bucket_acl");
      if ([b.config.acl, ...acls.map((a) => a.config.acl)].includes("public-read-write")) return fail("acl is public-read-write");
      const writesToAll = acls.some((a) => {
        const grants = all(a.config, "access_control_policy.grant").flatMap(blocks);
        return (
          grants.some((gr) => get(gr, "grantee.uri") === ALL_USERS) &&
          grants.some((gr) => ["WRITE", "WRITE_ACP", "FULL_CONTROL"].includes(String(gr.permission)))
        );
      });
      return writesToAll ? fail("an ACL grants AllUsers alongside write permissions") : pass;
    },
  },
  mustBeTrue(
    {
      id: "CKV_AWS_53",
      checkov: "CKV_AWS_53",
      trivy: ["AWS-0086", "aws-s3-block-public-acls"],
      severity: "high",
      resourceTypes: PAB,
      description: "block_public_acls = true.",
      fix: "Set block_public_acls = true.",
    },
    "block_public_acls",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_54",
      checkov: "CKV_AWS_54",
      trivy: ["AWS-0087", "aws-s3-block-public-policy"],
      severity: "high",
      resourceTypes: PAB,
      description: "block_public_policy = true.",
      fix: "Set block_public_policy = true.",
    },
    "block_public_policy",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_55",
      checkov: "CKV_AWS_55",
      trivy: ["AWS-0091", "aws-s3-ignore-public-acls"],
      severity: "high",
      resourceTypes: PAB,
      description: "ignore_public_acls = true.",
      fix: "Set ignore_public_acls = true.",
    },
    "ignore_public_acls",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_56",
      checkov: "CKV_AWS_56",
      trivy: ["AWS-0093", "aws-s3-no-public-buckets"],
      severity: "high",
      resourceTypes: PAB,
      description: "restrict_public_buckets = true.",
      fix: "Set restrict_public_buckets = true.",
    },
    "restrict_public_buckets",
  ),
  companionRule(
    {
      id: "CKV2_AWS_6",
      checkov: "CKV2_AWS_6",
      trivy: ["AWS-0094", "aws-s3-specify-public-access-block"],
      severity: "high",
      resourceTypes: BUCKET,
      description:
        "The bucket has its own public access block with block_public_acls and block_public_policy (an account-level block does " +
          "not count).",
      fix: "Add aws_s3_bucket_public_access_block referencing the bucket, all four settings true.",
    },
    PAB,
    (p) => isTrue(p.config.block_public_acls) && isTrue(p.config.block_public_policy),
    "no public access block blocking public ACLs and policies",
  ),
  companionRule(
    {
      id: "CKV2_AWS_62",
      checkov: "CKV2_AWS_62",
      severity: "low",
      resourceTypes: BUCKET,
      description: "An aws_s3_bucket_notification references the bucket (contents not inspected).",
      fix: "Keep SecureBucket's EventBridge notification (eventBridgeNotifications, default true).",
    },
    ["aws_s3_bucket_notification"],
    () => true,
    "no aws_s3_bucket_notification references this bucket",
  ),
  companionRule(
    {
      id: "CKV2_AWS_61",
      checkov: "CKV2_AWS_61",
      severity: "low",
      resourceTypes: BUCKET,
      description: "A lifecycle configuration references the bucket (or an inline lifecycle_rule exists).",
      fix: "Add aws_s3_bucket_lifecycle_configuration (SecureBucket always does).",
    },
    ["aws_s3_bucket_lifecycle_configuration"],
    () => true,
    "no lifecycle configuration",
    (b) => blocks(b.config.lifecycle_rule).length > 0,
  ),
  {
    id: "CKV_AWS_300",
    checkov: "CKV_AWS_300",
    severity: "low",
    resourceTypes: ["aws_s3_bucket_lifecycle_configuration"],
    description: "Some Enabled rule aborts incomplete multipart uploads with an empty filter (covers the whole bucket).",
    fix: "Add a rule with `filter {}` and abort_incomplete_multipart_upload.",
    check: (lc) => {
      const ok = blocks(lc.config.rule).some((r) => {
        const filter = blocks(r.filter)[0] ?? {};
        const emptyFilter = Object.values(filter).every((v) => v === undefined || (Array.isArray(v) && v.length === 0)) && !r.prefix;
        return r.status === "Enabled" && blocks(r.abort_incomplete_multipart_upload).length > 0 && emptyFilter;
      });
      return ok ? pass : fail("no Enabled rule with an empty filter aborts incomplete multipart uploads");
    },
  },
  {
    id: "CKV2_AWS_65",
    checkov: "CKV2_AWS_65",
    severity: "medium",
    resourceTypes: ["aws_s3_bucket_ownership_controls"],
    description: "Object ownership is BucketOwnerEnforced (ACLs disabled).",
    fix: 'Set rule.object_ownership = "BucketOwnerEnforced".',
    check: (o) =>
      get(o.config, "rule.object_ownership") === "BucketOwnerEnforced"
        ? pass
        : fail(`object_ownership is ${get(o.config, "rule.object_ownership")}`),
  },
  companionRule(
    {
      id: "CKV_AWS_144",
      checkov: "CKV_AWS_144",
      severity: "low",
      resourceTypes: BUCKET,
      description:
        "Cross-region replication has an Enabled rule, inline (replication_configuration.rules) or in a connected " +
          "aws_s3_bucket_replication_configuration.",
      fix: "Configure replication to the DR region, or suppress with the residency/durability reason.",
    },
    ["aws_s3_bucket_replication_configuration"],
    (c) => blocks(c.config.rule).some((r) => r.status === "Enabled"),
    "no enabled cross-region replication",
    (b) =>
      all(b.config, "replication_configuration.rules")
        .flatMap(blocks)
        .some((r) => r.status === "Enabled"),
  ),
  {
    id: "CKV_AWS_143",
    checkov: "CKV_AWS_143",
    severity: "low",
    resourceTypes: BUCKET,
    description: "Where an inline object_lock_configuration exists, object_lock_enabled is Enabled (absent: not applicable).",
    fix: 'Set object_lock_enabled = "Enabled" or remove the block.',
    check: (b) => {
      const v = get(b.config, "object_lock_configuration.object_lock_enabled");
      if (v === undefined) return notApplicable;
      return v === "Enabled" ? pass : fail(`object_lock_enabled is ${v}`);
    },
  },
  policyRule(
    {
      id: "CKV_AWS_70",
      checkov: "CKV_AWS_70",
      severity: "critical",
      resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_policy"],
      description:
        "No Allow to a wildcard principal unless Checkov's check_conditions accepts its Condition " +
        "(ArnNotEquals/ArnNotLike, an ArnEquals/ArnLike not on every account, or StringEquals/StringLike on aws:SourceVpc(e), " +
        "aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, ...).",
      stricter: "Checkov: every such statement is judged, where Checkov stops at the first.",
      fix: "Name the principals, or add a restricting Condition such as aws:PrincipalOrgID or aws:SourceVpce.",
    },
    "policy",
    (st) =>
      st.some((s) => s.Effect === "Allow" && isWildcardPrincipal(s.Principal) && !checkovRestrictingCondition(s))
        ? "an Allow statement has Principal * and no restricting Condition"
        : undefined,
  ),
  policyRule(
    {
      id: "CKV_AWS_93",
      checkov: "CKV_AWS_93",
      severity: "high",
      resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_policy"],
      description:
        "No unconditional Deny of * / s3:* / s3:Put* / bucket-policy actions to everyone (locks out the account root); a literal " +
          "policy that is not JSON passes, as in Checkov (IAM rejects it).",
      fix: "Add a Condition (e.g. aws:SecureTransport) to Deny-all statements.",
    },
    "policy",
    (st) =>
      st.some(
        (s) =>
          s.Effect === "Deny" &&
          !s.Condition &&
          !s.NotAction &&
          isWildcardPrincipal(s.Principal) &&
          list(s.Action).some((a) => ["*", "s3:*", "s3:Put*", "s3:*BucketPolicy", "s3:PutBucketPolicy"].includes(a)),
      )
        ? "an unconditional Deny of all principals would lock out the account"
        : undefined,
    { literalNotJson: "pass" },
  ),
  {
    id: "CKV_AWS_375",
    checkov: "CKV_AWS_375",
    severity: "critical",
    resourceTypes: ["aws_s3_bucket_acl"],
    description: "No FULL_CONTROL or READ_ACP grant to AllUsers.",
    fix: "Remove the grant; keep ACLs disabled (BucketOwnerEnforced).",
    check: (a) =>
      all(a.config, "access_control_policy.grant").some(
        (g) => JSON.stringify(g).includes("global/AllUsers") && ["FULL_CONTROL", "READ_ACP"].includes(String(get(g, "permission"))),
      )
        ? fail("AllUsers may read or change the ACL")
        : pass,
  },
  {
    id: "CKV2_AWS_43",
    checkov: "CKV2_AWS_43",
    severity: "high",
    resourceTypes: ["aws_s3_bucket_acl"],
    description: "No grant to AuthenticatedUsers (any AWS account).",
    fix: "Remove the grant.",
    check: (a) =>
      a.config.acl === "authenticated-read" || JSON.stringify(a.config.access_control_policy ?? "").includes("global/AuthenticatedUsers")
        ? fail("any AWS account is granted access")
        : pass,
  },
  {
    id: "AWS-0320",
    trivy: ["AWS-0320", "aws-s3-dns-compliant-name"],
    severity: "low",
    resourceTypes: BUCKET,
    description: "The bucket name is DNS-compliant (lowercase, digits, hyphens; no dots).",
    fix: "Use lowercase letters, digits and hyphens.",
    check: (b) => {
      const name = b.config.bucket;
      if (typeof name !== "string" || name.includes("${")) return notApplicable;
      return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name) ? pass : fail(`bucket name "${name}" is not DNS-compliant`);
    },
  },
];
