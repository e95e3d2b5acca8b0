/**
 * CKV_AWS_385 (Checkov CKV_AWS_385): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SNSCrossAccountAccess.py.
 */
import type { Rule } from "../../types";
import { policyRule } from "../helpers";
import { unconditionedCrossAccount } from "./shared";

export const CKV_AWS_385: Rule = policyRule(
  {
    id: "CKV_AWS_385",
    checkov: "CKV_AWS_385",
    severity: "medium",
    resourceTypes: ["aws_sns_topic_policy"],
    description:
      "An Allow to a specific IAM principal (arn:aws:iam::...) carries a narrowing Condition (aws:SourceArn, " +
      "aws:SourceAccount, aws:PrincipalOrgID, ...; cloudsplaining's keys, as Checkov).",
    fix: "`policy`: add aws:SourceArn or aws:PrincipalOrgID conditions to Allows naming IAM principals.",
  },
  "policy",
  (st) => (st.some(unconditionedCrossAccount) ? "an account principal may publish without conditions" : undefined),
);
