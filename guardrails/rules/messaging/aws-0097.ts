/**
 * AWS-0097 (Trivy AWS-0097): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/sqs/no_wildcards_in_policy_documents.rego.
 */
import type { Rule } from "../../types";
import { list, policyRule } from "../helpers";

export const AWS_0097: Rule = policyRule(
  {
    id: "AWS-0097",
    trivy: ["AWS-0097", "aws-sqs-no-wildcards-in-policy-documents"],
    severity: "high",
    resourceTypes: ["aws_sqs_queue_policy", "aws_sqs_queue"],
    description:
      "Trivy's half of CKV_AWS_168: no Allow statement grants the action * or sqs:* " + "(any case); who the principal is does not matter.",
    fix: "`policy`: list the queue actions the principal needs (sqs:SendMessage, ...), not * or sqs:*.",
  },
  "policy",
  (st) =>
    st.some((s) => s.Effect === "Allow" && list(s.Action).some((a) => ["*", "sqs:*"].includes(a.toLowerCase())))
      ? "an Allow grants every SQS action"
      : undefined,
);
