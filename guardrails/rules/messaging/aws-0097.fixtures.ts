/** AWS-0097: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, policy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0097": {
    pass: one("aws_sqs_queue_policy", { policy: policy({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }) }),
    fail: one("aws_sqs_queue_policy", {
      policy: policy({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: ["SQS:*"], Resource: "*" }),
    }),
  },
};
