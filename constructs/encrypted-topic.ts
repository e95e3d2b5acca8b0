import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { denyInsecureTransport, policyDocument, type PolicyStatement } from "./policy-document";

export interface EncryptedTopicProps {
  readonly topicName: string;
  /** CMK whose key policy lets the publishers generate data keys and decrypt for SNS. */
  readonly kmsKeyArn: string;
  /**
   * Who may publish: AWS service principals, and the condition that narrows them to this
   * account (`aws:SourceAccount`) or to one resource (`aws:SourceArn`).
   */
  readonly publishers: {
    readonly services: readonly string[];
    readonly condition: NonNullable<PolicyStatement["Condition"]>;
  };
  /**
   * Email addresses to subscribe; each must confirm the subscription. Leave empty for
   * machine-read topics (a SIEM subscribes out of band). @default - none
   */
  readonly emails?: readonly string[];
}

/**
 * An SNS topic encrypted with a CMK, publishable only by the named services under a
 * condition, over TLS, with optional email subscriptions: the alarm topic and the trail's
 * delivery topic.
 */
export class EncryptedTopic extends Construct {
  public readonly topicArn: string;
  public readonly topicName: string;
  /** The topic policy: a publisher that checks it on setup (CloudTrail) depends on it. */
  public readonly policyReady: ITerraformDependable;

  constructor(scope: Construct, id: string, props: EncryptedTopicProps) {
    super(scope, id);
    const topic = new SnsTopic(this, "Topic", { name: props.topicName, kmsMasterKeyId: props.kmsKeyArn });
    this.policyReady = new SnsTopicPolicy(this, "Policy", {
      arn: topic.arn,
      policy: policyDocument([
        {
          Sid: "AllowServicesToPublish",
          Effect: "Allow",
          Principal: { Service: [...props.publishers.services] },
          Action: "sns:Publish",
          Resource: topic.arn,
          Condition: props.publishers.condition,
        },
        ...denyInsecureTransport("sns", [topic.arn]),
      ]),
    });
    // Keyed by address, not position: removing one address must not recreate the others,
    // each of which would have to confirm again.
    for (const email of props.emails ?? []) {
      new SnsTopicSubscription(this, `Email-${email}`, { topicArn: topic.arn, protocol: "email", endpoint: email });
    }
    this.topicArn = topic.arn;
    this.topicName = topic.name;
  }
}
