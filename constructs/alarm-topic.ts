import { Construct } from "constructs";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { ALARM_TOPIC_PUBLISHERS, denyInsecureTransport, policyDocument } from "./policy-document";

export interface AlarmTopicProps {
  readonly topicName: string;
  /** CMK whose policy admits the publishers (KeyServiceUser.TOPIC_PUBLISHERS). */
  readonly kmsKeyArn: string;
  readonly accountId: string;
  /** Email addresses to subscribe; each must confirm the subscription. @default - none */
  readonly emails?: readonly string[];
}

/**
 * The environment's alarm topic: CMK-encrypted, publishable only by CloudWatch, Budgets and
 * CloudTrail of this account, over TLS, with email subscriptions.
 */
export class AlarmTopic extends Construct {
  public readonly topicArn: string;
  public readonly topicName: string;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const topic = new SnsTopic(this, "Topic", { name: props.topicName, kmsMasterKeyId: props.kmsKeyArn });
    new SnsTopicPolicy(this, "Policy", {
      arn: topic.arn,
      policy: policyDocument([
        {
          Sid: "AllowAccountServicesToPublish",
          Effect: "Allow",
          Principal: { Service: [...ALARM_TOPIC_PUBLISHERS] },
          Action: "sns:Publish",
          Resource: topic.arn,
          Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
        },
        ...denyInsecureTransport("sns", [topic.arn]),
      ]),
    });
    (props.emails ?? []).forEach((email, i) => new SnsTopicSubscription(this, `Email${i}`, { topicArn: topic.arn, protocol: "email", endpoint: email }));
    this.topicArn = topic.arn;
    this.topicName = topic.name;
  }
}
