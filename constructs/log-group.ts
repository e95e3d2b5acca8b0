import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";

export interface LogGroupProps {
  readonly logGroupName: string;
  /** Days kept; presets keep >= 365 (CKV_AWS_338) and 2557 for audit logs in prod. */
  readonly retentionDays: number;
  /** CMK whose policy admits logs.<region>.amazonaws.com. */
  readonly kmsKeyArn: string;
  /** Create it in this region although the provider's differs (a CLOUDFRONT-scope web ACL's logs). @default - the provider's region */
  readonly region?: string;
}

/** A CloudWatch log group encrypted with the CMK and kept for a set retention. */
export class LogGroup extends Construct {
  public readonly logGroupName: string;
  public readonly logGroupArn: string;
  /** The group itself: depend on it where a service would otherwise create the group unencrypted. */
  public readonly created: ITerraformDependable;

  constructor(scope: Construct, id: string, props: LogGroupProps) {
    super(scope, id);
    const group = new CloudwatchLogGroup(this, "LogGroup", {
      name: props.logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      ...(props.region ? { region: props.region } : {}),
    });
    this.logGroupName = group.name;
    this.logGroupArn = group.arn;
    this.created = group;
  }
}
