/** SNS and SQS: scanner-rules.md §2.13. */
import { fail, pass, type Rule } from "../types";
import { isInternetAccessible, isTrue, list, mustBeSet, narrowingConditions, policyRule, type Statement } from "./helpers";

/** CKV_AWS_385: an Allow to a specific IAM ARN (arn:aws:iam::...) with no narrowing condition (cloudsplaining's list). */
const unconditionedCrossAccount = (s: Statement) => {
  const aws = s.Principal && typeof s.Principal === "object" ? (s.Principal as Record<string, unknown>).AWS : undefined;
  const arns = (Array.isArray(aws) ? aws : [aws]).filter((a) => typeof a === "string" && a.startsWith("arn:aws:iam::"));
  return s.Effect === "Allow" && arns.length > 0 && narrowingConditions(s).length === 0;
};

export const messagingRules: Rule[] = [
  mustBeSet(
    {
      id: "CKV_AWS_26",
      checkov: "CKV_AWS_26",
      trivy: ["AWS-0095", "aws-sns-enable-topic-encryption"],
      severity: "high",
      resourceTypes: ["aws_sns_topic"],
      description: "kms_master_key_id is set.",
      fix: "Encrypt the topic with the CMK (its policy must allow cloudwatch.amazonaws.com for alarms).",
    },
    "kms_master_key_id",
  ),
  {
    id: "AWS-0136",
    trivy: ["AWS-0136", "aws-sns-topic-encryption-use-cmk"],
    severity: "high",
    resourceTypes: ["aws_sns_topic"],
    description: "kms_master_key_id is not alias/aws/sns.",
    fix: "Use the customer-managed key.",
    check: (t) => (t.config.kms_master_key_id === "alias/aws/sns" ? fail("AWS-managed key") : pass),
  },
  policyRule(
    {
      id: "CKV_AWS_169",
      checkov: "CKV_AWS_169",
      severity: "critical",
      resourceTypes: ["aws_sns_topic_policy"],
      description:
        "No Allow is open to everyone (cloudsplaining, as Checkov: a wildcard principal needs a narrowing condition such as " +
          "aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce or a non-/0 aws:SourceIp; other condition keys do " +
          "not count).",
      fix: "Name the publishing services/accounts, with aws:SourceArn/SourceAccount conditions.",
    },
    "policy",
    (st) => (st.some(isInternetAccessible) ? "topic is open to anyone" : undefined),
  ),
  policyRule(
    {
      id: "CKV_AWS_385",
      checkov: "CKV_AWS_385",
      severity: "medium",
      resourceTypes: ["aws_sns_topic_policy"],
      description:
        "An Allow to a specific IAM principal (arn:aws:iam::...) carries a narrowing Condition (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, ...; cloudsplaining's keys, as Checkov).",
      fix: "Add aws:SourceArn / aws:PrincipalOrgID conditions.",
    },
    "policy",
    (st) => (st.some(unconditionedCrossAccount) ? "an account principal may publish without conditions" : undefined),
  ),
  policyRule(
    {
      id: "CKV_AWS_168",
      checkov: "CKV_AWS_168",
      severity: "critical",
      resourceTypes: ["aws_sqs_queue_policy", "aws_sqs_queue"],
      description:
        "No Allow is open to everyone (cloudsplaining, as Checkov: a wildcard principal needs a narrowing condition such as " +
          "aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID).",
      fix: "Name the senders, with aws:SourceArn conditions.",
    },
    "policy",
    (st) => (st.some(isInternetAccessible) ? "queue is open to anyone" : undefined),
  ),
  policyRule(
    {
      id: "AWS-0097",
      trivy: ["AWS-0097", "aws-sqs-no-wildcards-in-policy-documents"],
      severity: "high",
      resourceTypes: ["aws_sqs_queue_policy", "aws_sqs_queue"],
      description:
        "Trivy's half of CKV_AWS_168: no Allow statement grants the action * or sqs:* " +
        "(any case); who the principal is does not matter.",
      fix: "List the queue actions the principal needs (sqs:SendMessage, ...).",
    },
    "policy",
    (st) =>
      st.some((s) => s.Effect === "Allow" && list(s.Action).some((a) => ["*", "sqs:*"].includes(a.toLowerCase())))
        ? "an Allow grants every SQS action"
        : undefined,
  ),
  {
    id: "CKV_AWS_27",
    checkov: "CKV_AWS_27",
    trivy: ["AWS-0096", "aws-sqs-enable-queue-encryption"],
    severity: "high",
    resourceTypes: ["aws_sqs_queue"],
    description: "sqs_managed_sse_enabled or kms_master_key_id.",
    fix: "Set kms_master_key_id to the CMK.",
    check: (q) => (isTrue(q.config.sqs_managed_sse_enabled) || q.config.kms_master_key_id ? pass : fail("queue is not encrypted")),
  },
  {
    id: "CKV2_AWS_73",
    checkov: "CKV2_AWS_73",
    severity: "medium",
    resourceTypes: ["aws_sqs_queue"],
    description: "kms_master_key_id is not alias/aws/sqs (Checkov passes a queue without one; AWS-0135 requires a customer-managed key).",
    fix: "Set kms_master_key_id to the CMK.",
    check: (q) => (q.config.kms_master_key_id === "alias/aws/sqs" ? fail("the AWS-managed key alias/aws/sqs") : pass),
  },
  {
    id: "AWS-0135",
    trivy: ["AWS-0135", "aws-sqs-queue-encryption-use-cmk"],
    severity: "medium",
    resourceTypes: ["aws_sqs_queue"],
    description: "A customer-managed key: kms_master_key_id is set and not alias/aws/sqs, as Trivy checks it.",
    fix: "Set kms_master_key_id to the CMK.",
    check: (q) => (q.config.kms_master_key_id && q.config.kms_master_key_id !== "alias/aws/sqs" ? pass : fail("no customer-managed key")),
  },
];
