/**
 * CKV_AWS_70 (Checkov CKV_AWS_70): its `description` and `stricter` below say what it checks and where it is stricter.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3AllowsAnyPrincipal.py.
 */
import type { Rule } from "../../types";
import { checkovRestrictingCondition, isWildcardPrincipal, policyRule } from "../helpers";

export const CKV_AWS_70: Rule = policyRule(
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
    fix: "`policy`: name the principals of each Allow, or add a Condition such as aws:PrincipalOrgID or aws:SourceVpce.",
  },
  "policy",
  (st) =>
    st.some((s) => s.Effect === "Allow" && isWildcardPrincipal(s.Principal) && !checkovRestrictingCondition(s))
      ? "an Allow statement has Principal * and no restricting Condition"
      : undefined,
);
