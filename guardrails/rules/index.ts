/** Every rule, and the resource types that deliberately have none. */
import { trivyAwsIds, type Rule } from "../types";
import { apprunnerRules } from "./apprunner";
import { auditRules } from "./audit";
import { cloudfrontRules } from "./cloudfront";
import { cloudtrailRules } from "./cloudtrail";
import { cloudwatchRules } from "./cloudwatch";
import { dynamodbRules } from "./dynamodb";
import { ecrRules } from "./ecr";
import { ecsRules } from "./ecs";
import { elasticacheRules } from "./elasticache";
import { elbRules } from "./elb";
import { iamAnalysisRules, iamRules } from "./iam";
import { kmsRules } from "./kms";
import { messagingRules } from "./messaging";
import { providerRules } from "./provider";
import { rdsRules } from "./rds";
import { residencyRules } from "./residency";
import { s3Rules } from "./s3";
import { secretsmanagerRules } from "./secretsmanager";
import { vpcRules } from "./vpc";
import { wafv2Rules } from "./wafv2";

export const ALL_RULES: readonly Rule[] = [
  ...s3Rules,
  ...rdsRules,
  ...elasticacheRules,
  ...dynamodbRules,
  ...kmsRules,
  ...ecrRules,
  ...ecsRules,
  ...elbRules,
  ...wafv2Rules,
  ...cloudfrontRules,
  ...cloudwatchRules,
  ...messagingRules,
  ...secretsmanagerRules,
  ...cloudtrailRules,
  ...vpcRules,
  ...iamRules,
  ...iamAnalysisRules,
  ...auditRules,
  ...apprunnerRules,
  ...providerRules,
  ...residencyRules,
];

/**
 * Resource types the project emits that no rule looks at directly, each with the reason.
 * A type that appears in a synthesized stack must have a rule or an entry here (tested).
 */
export const NO_RULE_DECISIONS: Readonly<Record<string, string>> = {
  aws_kms_alias: "A name for a key; the key itself is checked (CKV_AWS_7, CKV_AWS_33, CKV2_AWS_64).",
  aws_s3_bucket_versioning: "Checked through its bucket (CKV_AWS_21), as Checkov's graph check does.",
  aws_s3_bucket_server_side_encryption_configuration: "Checked through its bucket (CKV_AWS_145, AWS-0132, CKV_AWS_19).",
  aws_s3_bucket_logging: "Checked through its bucket (CKV_AWS_18, AWS-0089).",
  aws_s3_bucket_notification: "Checked through its bucket (CKV2_AWS_62).",
  aws_s3_bucket_policy: "Checked by CKV_AWS_70 and CKV_AWS_93 directly (listed there).",
  aws_s3_bucket_replication_configuration: "Checked through its buckets (CKV_AWS_144); its role's policy by the IAM rules.",
  aws_s3_bucket_object_lock_configuration: "No scanner rule; CKV_AWS_143 reads the bucket's inline block only.",
  aws_default_security_group: "Checked through its VPC (CKV2_AWS_12): it must have no rules.",
  aws_flow_log: "Checked through its VPC (CKV2_AWS_11); its log group by CKV_AWS_158/66/338.",
  aws_vpc_endpoint:
    "No scanner rule reads endpoints or their policies; their security group is checked (CKV_AWS_23, CKV2_AWS_5, CKV_AWS_382), " +
    "their account-only policies by the Network construct test.",
  aws_internet_gateway: "No scanner rule; only public subnets route to it (Network construct test).",
  aws_nat_gateway: "No scanner rule; CKV2_AWS_35 checks routes do not use NAT instances.",
  aws_route_table_association: "No scanner rule; tier routing is asserted in the Network construct test.",
  aws_secretsmanager_secret_version: "Holds only random-provider references or placeholders (tested: no secret value in synthesized JSON).",
  random_password: "Generates secret values at apply time; only references reach the synthesized JSON.",
  aws_sns_topic_subscription: "No scanner rule; email endpoints come from config (validated as emails).",
  aws_cloudwatch_log_metric_filter: "No scanner rule (CIS metric filters are compliance-only in Trivy).",
  aws_cloudwatch_event_rule: "No scanner rule; patterns and switches are asserted in the SecurityAlerts test.",
  aws_cloudwatch_event_target:
    "No scanner rule; targets the CMK-encrypted alarm topic, or this account's default bus through a role the IAM rules check.",
  aws_cloudwatch_dashboard: "No scanner rule; holds no data.",
  aws_budgets_budget: "No scanner rule; cost control only.",
  aws_config_delivery_channel: "No scanner rule; delivers to the KMS-encrypted audit bucket (Audit construct test).",
  aws_config_config_rule: "No scanner rule; AWS managed rules only.",
};

/** Rule ids, Checkov ids and Trivy ids, each mapped to its rule. */
export const RULES_BY_ANY_ID: ReadonlyMap<string, Rule> = new Map(
  ALL_RULES.flatMap((r) =>
    [r.id, r.checkov, ...(r.trivy ?? []), ...trivyAwsIds(r).map((t) => `AVD-${t}`)]
      .filter((id): id is string => !!id)
      .map((id) => [id, r] as const),
  ),
);

/** Resource types with neither a rule nor a recorded decision: the coverage gap. */
export function uncoveredTypes(types: Iterable<string>): string[] {
  const covered = new Set([...ALL_RULES.flatMap((r) => r.resourceTypes), ...Object.keys(NO_RULE_DECISIONS)]);
  return [...new Set(types)].filter((t) => !covered.has(t)).sort();
}
