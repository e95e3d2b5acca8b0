/** Every rule, and the resource types that deliberately have none. */
import type { Rule } from "../types";
import { cloudfrontRules } from "./cloudfront";
import { cloudtrailRules } from "./cloudtrail";
import { cloudwatchRules } from "./cloudwatch";
import { dynamodbRules } from "./dynamodb";
import { ecrRules } from "./ecr";
import { ecsRules } from "./ecs";
import { elasticacheRules } from "./elasticache";
import { elbRules } from "./elb";
import { iamRules } from "./iam";
import { kmsRules } from "./kms";
import { messagingRules } from "./messaging";
import { providerRules } from "./provider";
import { rdsRules } from "./rds";
import { s3Rules } from "./s3";
import { secretsmanagerRules } from "./secretsmanager";
import { vpcRules } from "./vpc";
import { wafv2Rules } from "./wafv2";

export const ALL_RULES: readonly Rule[] = [
  ...s3Rules, ...rdsRules, ...elasticacheRules, ...dynamodbRules, ...kmsRules, ...ecrRules, ...ecsRules, ...elbRules,
  ...wafv2Rules, ...cloudfrontRules, ...cloudwatchRules, ...messagingRules, ...secretsmanagerRules, ...cloudtrailRules,
  ...vpcRules, ...iamRules, ...providerRules,
];

/**
 * Resource types the project emits that no rule looks at directly, each with the reason.
 * A type that appears in a synthesized stack must have a rule or an entry here (tested).
 */
export const NO_RULE_DECISIONS: Readonly<Record<string, string>> = {
  aws_kms_alias: "A name for a key; the key itself is checked (CKV_AWS_7, CKV_AWS_33, CKV2_AWS_64).",
  aws_s3_bucket_versioning: "Checked through its bucket (CKV_AWS_21), as Checkov's graph check does.",
  aws_s3_bucket_server_side_encryption_configuration: "Checked through its bucket (CKV_AWS_145, CKV_AWS_19).",
  aws_s3_bucket_logging: "Checked through its bucket (CKV_AWS_18).",
  aws_s3_bucket_notification: "Checked through its bucket (CKV2_AWS_62).",
  aws_s3_bucket_policy: "Checked by CKV_AWS_70 and CKV_AWS_93 directly (listed there).",
};

/** Rule ids, Checkov ids and Trivy ids, each mapped to its rule. */
export const RULES_BY_ANY_ID: ReadonlyMap<string, Rule> = new Map(
  ALL_RULES.flatMap((r) => [r.id, r.checkov, ...(r.trivy ?? []), ...(r.trivy ?? []).filter((t) => t.startsWith("AWS-")).map((t) => `AVD-${t}`)]
    .filter((id): id is string => !!id)
    .map((id) => [id, r] as const)),
);

/** Resource types with neither a rule nor a recorded decision: the coverage gap. */
export function uncoveredTypes(types: Iterable<string>): string[] {
  const covered = new Set([...ALL_RULES.flatMap((r) => r.resourceTypes), ...Object.keys(NO_RULE_DECISIONS)]);
  return [...new Set(types)].filter((t) => !covered.has(t)).sort();
}
