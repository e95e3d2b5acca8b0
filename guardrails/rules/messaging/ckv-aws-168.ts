/**
 * CKV_AWS_168 (Checkov CKV_AWS_168): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SQSQueuePolicyAnyPrincipal.py.
 */
import type { Rule } from "../../types";
import { isInternetAccessible, policyRule } from "../helpers";

export const CKV_AWS_168: Rule = policyRule(
  {
    id: "CKV_AWS_168",
    checkov: "CKV_AWS_168",
    severity: "critical",
    resourceTypes: ["aws_sqs_queue_policy", "aws_sqs_queue"],
    description:
      "No Allow is open to everyone (cloudsplaining, as Checkov: a wildcard principal needs a narrowing condition such as " +
      "aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID).",
    fix: "`policy`: name the senders, with aws:SourceArn conditions.",
  },
  "policy",
  (st) => (st.some(isInternetAccessible) ? "queue is open to anyone" : undefined),
);
