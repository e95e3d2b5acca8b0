import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { policyDocument, type PolicyStatement } from "./policy-document";

export interface ServiceRoleProps {
  /** Role name, `<app>-<env>-<purpose>`. */
  readonly roleName: string;
  /** Service principal that assumes the role, e.g. `vpc-flow-logs.amazonaws.com`. */
  readonly service: string;
  /** Only this account's resources may make the service assume the role (confused deputy). */
  readonly sourceAccountId: string;
  /** What the role may do: name actions and scope resources to ARNs. */
  readonly statements: readonly PolicyStatement[];
  readonly description: string;
  /** AWS-managed policies the service documents as required (e.g. AWS_ConfigRole). @default - none */
  readonly managedPolicyArns?: readonly string[];
}

/**
 * An IAM role that one AWS service assumes on behalf of this account, with an inline
 * least-privilege policy. The trust policy pins aws:SourceAccount.
 */
export class ServiceRole extends Construct {
  public readonly roleArn: string;
  public readonly roleName: string;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    const role = new IamRole(this, "Role", {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: policyDocument([
        {
          Sid: "ServiceAssumesRole",
          Effect: "Allow",
          Principal: { Service: props.service },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": props.sourceAccountId } },
        },
      ]),
    });
    new IamRolePolicy(this, "Policy", { name: `${props.roleName}-policy`, role: role.id, policy: policyDocument(props.statements) });
    (props.managedPolicyArns ?? []).forEach((arn, i) => new IamRolePolicyAttachment(this, `ManagedPolicy${i}`, { role: role.name, policyArn: arn }));
    this.roleArn = role.arn;
    this.roleName = role.name;
  }
}
