/**
 * CKV_AWS_169 (Checkov CKV_AWS_169): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SNSTopicPolicyAnyPrincipal.py.
 */
import type { Rule } from "../../types";
import { isInternetAccessible, policyRule } from "../helpers";

export const CKV_AWS_169: Rule = policyRule(
  {
    id: "CKV_AWS_169",
    checkov: "CKV_AWS_169",
    severity: "critical",
    resourceTypes: ["aws_sns_topic_policy"],
    description:
      "No Allow is open to everyone (cloudsplaining, as Checkov: a wildcard principal needs a narrowing condition such as " +
      "aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce or a non-/0 aws:SourceIp; other condition keys do " +
      "not count).",
    fix: "`policy`: name the publishing services or accounts, with aws:SourceArn or aws:SourceAccount conditions.",
  },
  "policy",
  (st) => (st.some(isInternetAccessible) ? "topic is open to anyone" : undefined),
);
