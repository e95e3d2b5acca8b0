import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { denyInsecureTransport, policyDocument, type TopicPublisher } from "./policy-document";

export interface EncryptedTopicProps {
  readonly topicName: string;
  /** CMK whose key policy lets the publishers generate data keys and decrypt for SNS. */
  readonly kmsKeyArn: string;
  /** Who may publish: AWS service principals, each group under its condition. */
  readonly publishers: readonly TopicPublisher[];
  /**
   * Email addresses to subscribe; each must confirm the subscription. Leave empty for
   * machine-read topics (a SIEM subscribes out of band). @default - none
   */
  readonly emails?: readonly string[];
  /**
   * SNS filter policy (JSON, on message attributes) of the email subscriptions: what the
   * subscribers are not mailed (AWS Backup's successful jobs). @default - every message
   */
  readonly emailFilterPolicy?: string;
  /**
   * Create the topic, its policy and subscriptions in this region although the provider's
   * differs (a DR-region vault notifies only a topic of its own region).
   * @default - the provider's region
   */
  readonly region?: string;
}

/**
 * An SNS topic encrypted with a CMK, publishable only by the named services under their
 * conditions, over TLS, with optional email subscriptions: the alarm topic and the trail's
 * delivery topic, the DR backup vault's topic.
 */
export class EncryptedTopic extends Construct {
  public readonly topicArn: string;
  public readonly topicName: string;
  /** The topic policy: a publisher that checks it on setup (CloudTrail) depends on it. */
  public readonly policyReady: ITerraformDependable;

  constructor(scope: Construct, id: string, props: EncryptedTopicProps) {
    super(scope, id);
    const region = props.region ? { region: props.region } : {};
    const topic = new SnsTopic(this, "Topic", { name: props.topicName, kmsMasterKeyId: props.kmsKeyArn, ...region });
    this.policyReady = new SnsTopicPolicy(this, "Policy", {
      ...region,
      arn: topic.arn,
      policy: policyDocument([
        ...props.publishers.map((p) => ({
          Sid: p.sid,
          Effect: "Allow" as const,
          Principal: { Service: [...p.services] },
          Action: "sns:Publish",
          Resource: topic.arn,
          Condition: p.condition,
        })),
        ...denyInsecureTransport("sns", [topic.arn]),
      ]),
    });
    // Keyed by address, not position: removing one address must not recreate the others,
    // each of which would have to confirm again.
    for (const email of props.emails ?? []) {
      new SnsTopicSubscription(this, `Email-${email}`, {
        ...region,
        topicArn: topic.arn,
        protocol: "email",
        endpoint: email,
        ...(props.emailFilterPolicy ? { filterPolicy: props.emailFilterPolicy } : {}),
      });
    }
    this.topicArn = topic.arn;
    this.topicName = topic.name;
  }
}
