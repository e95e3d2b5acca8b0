/** CloudTrail: scanner-rules.md §2.14. */
import { fail, notApplicable, pass, type Rule } from "../types";
import type { TfGraph, TfResource } from "../graph";
import { blocks, isFalse, isSet, mustBeSet, mustBeTrue } from "./helpers";

const TRAIL = ["aws_cloudtrail"];
/** The trail's bucket, matched by reference or by name as Trivy does. */
const trailBucket = (t: TfResource, g: TfGraph) =>
  g.resolveRef(t.config.s3_bucket_name) ?? g.ofType("aws_s3_bucket").find((b) => b.config.bucket === t.config.s3_bucket_name);

export const cloudtrailRules: Rule[] = [
  mustBeSet(
    {
      id: "CKV_AWS_35",
      checkov: "CKV_AWS_35",
      trivy: ["AWS-0015", "aws-cloudtrail-encryption-customer-managed-key"],
      severity: "high",
      resourceTypes: TRAIL,
      description: "kms_key_id is set.",
      fix: "Encrypt the trail with the CMK (key policy allows cloudtrail.amazonaws.com).",
    },
    "kms_key_id",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_36",
      checkov: "CKV_AWS_36",
      trivy: ["AWS-0016", "aws-cloudtrail-enable-log-validation"],
      severity: "high",
      resourceTypes: TRAIL,
      description: "enable_log_file_validation = true.",
      fix: "Set enable_log_file_validation = true.",
    },
    "enable_log_file_validation",
  ),
  mustBeTrue(
    {
      id: "CKV_AWS_67",
      checkov: "CKV_AWS_67",
      trivy: ["AWS-0014", "aws-cloudtrail-enable-all-regions"],
      severity: "high",
      resourceTypes: TRAIL,
      description: "is_multi_region_trail = true.",
      fix: "Set is_multi_region_trail = true.",
    },
    "is_multi_region_trail",
  ),
  {
    id: "CKV_AWS_251",
    checkov: "CKV_AWS_251",
    severity: "high",
    resourceTypes: TRAIL,
    description: "enable_logging is not false.",
    fix: "Remove enable_logging = false.",
    check: (t) => (isFalse(t.config.enable_logging) ? fail("logging is stopped") : pass),
  },
  mustBeSet(
    {
      id: "CKV_AWS_252",
      checkov: "CKV_AWS_252",
      severity: "low",
      resourceTypes: TRAIL,
      description: "sns_topic_name is set.",
      fix: "Set sns_topic_name to a dedicated log-delivery topic that a SIEM subscribes to, not an alarm topic: one notice per log file floods people (Audit creates <app>-<env>-trail-deliveries).",
    },
    "sns_topic_name",
  ),
  {
    id: "CKV2_AWS_10",
    checkov: "CKV2_AWS_10",
    severity: "medium",
    resourceTypes: TRAIL,
    description:
      "cloud_watch_logs_group_arn is set and the trail is connected to an aws_cloudwatch_log_group " +
      "(a reference either way); the role is not inspected, as in Checkov.",
    fix: "Deliver the trail to a KMS-encrypted log group with cloud_watch_logs_role_arn.",
    check: (t, g) =>
      isSet(t.config.cloud_watch_logs_group_arn) && g.connected(t, "aws_cloudwatch_log_group").length > 0
        ? pass
        : fail("not delivered to CloudWatch Logs"),
  },
  {
    id: "AWS-0162",
    trivy: ["AWS-0162", "aws-cloudtrail-ensure-cloudwatch-integration"],
    severity: "medium",
    resourceTypes: TRAIL,
    description: "Trivy's half of CKV2_AWS_10: cloud_watch_logs_group_arn is set (any value; no role or log group needed).",
    fix: 'Set cloud_watch_logs_group_arn to the trail\'s log group ("${aws_cloudwatch_log_group.x.arn}:*").',
    check: (t) => (isSet(t.config.cloud_watch_logs_group_arn) ? pass : fail("cloud_watch_logs_group_arn is not set")),
  },
  {
    id: "AWS-0163",
    trivy: ["AWS-0163", "aws-cloudtrail-require-bucket-access-logging"],
    severity: "low",
    resourceTypes: TRAIL,
    description:
      "The trail's bucket, where it is in the same configuration, has access logging (inline logging or an aws_s3_bucket_logging); a bucket elsewhere is not judged, as in Trivy.",
    fix: "Log the trail bucket's access to the log bucket.",
    check: (t, g) => {
      const b = trailBucket(t, g);
      if (!b) return notApplicable;
      return blocks(b.config.logging).length > 0 || g.referencing(b, "aws_s3_bucket_logging").length > 0
        ? pass
        : fail("the trail bucket is not access-logged");
    },
  },
  {
    id: "AWS-0161",
    trivy: ["AWS-0161", "aws-cloudtrail-no-public-log-access"],
    severity: "critical",
    resourceTypes: TRAIL,
    description: "The trail's bucket has no public ACL.",
    fix: "Remove public ACLs from the trail bucket.",
    check: (t, g) => {
      const b = trailBucket(t, g);
      const acls = b ? [b.config.acl, ...g.referencing(b, "aws_s3_bucket_acl").map((a) => a.config.acl)] : [];
      return acls.some((a) => String(a ?? "").startsWith("public") || a === "authenticated-read")
        ? fail("trail bucket ACL is public")
        : pass;
    },
  },
];
