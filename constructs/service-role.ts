import { Construct } from "constructs";
import { Lazy, type ITerraformDependable } from "cdktf";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { mergeStatements, type Grantable } from "./grants";
import { policyDocument, type PolicyStatement } from "./policy-document";

/** The ARN of an AWS managed policy by its name under `policy/`, e.g. `service-role/AWS_ConfigRole`. */
export const awsManagedPolicyArn = (partition: string, name: string): string => `arn:${partition}:iam::aws:policy/${name}`;

export interface ServiceRoleProps {
  /** Role name, `<app>-<env>-<purpose>`. */
  readonly roleName: string;
  /** Service principal that assumes the role, e.g. `vpc-flow-logs.amazonaws.com`. */
  readonly service: string;
  /**
   * Only this account's resources may make the service assume the role (confused deputy).
   * `undefined` leaves it out: only for a service AWS does not document as sending
   * aws:SourceAccount when it assumes roles (a condition on a key it does not send denies it);
   * say why where the role is made.
   */
  readonly sourceAccountId: string | undefined;
  /**
   * What the role may do on its own account's service resources: name actions and scope
   * resources to ARNs. Access to buckets, secrets and keys comes through their grant
   * methods instead. @default - none (grants only)
   */
  readonly statements?: readonly PolicyStatement[];
  readonly description: string;
  /**
   * Conditions of the trust policy besides aws:SourceAccount, e.g. an aws:SourceArn
   * pattern (ECS tasks: `arn:aws:ecs:<region>:<account>:*`). @default - aws:SourceAccount only
   */
  readonly trustConditions?: NonNullable<PolicyStatement["Condition"]>;
  /** AWS-managed policies the service documents as required (e.g. AWS_ConfigRole). @default - none */
  readonly managedPolicyArns?: readonly string[];
}

/**
 * An IAM role that one AWS service assumes on behalf of this account, with one inline
 * least-privilege policy. The trust policy pins aws:SourceAccount (where the service sends it). It is a grantee:
 * `bucket.grantRead(role)` adds to its policy, which is merged when synthesized.
 */
export class ServiceRole extends Construct implements Grantable {
  public readonly roleArn: string;
  public readonly roleName: string;
  public readonly grantName: string;
  /** The role's inline policy: depend on it before a service acts with the role. */
  public readonly policyReady: ITerraformDependable;
  private readonly statements: PolicyStatement[];

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    this.grantName = this.node.path;
    this.statements = [...(props.statements ?? [])];
    const role = new IamRole(this, "Role", {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: policyDocument([
        {
          Sid: "ServiceAssumesRole",
          Effect: "Allow",
          Principal: { Service: props.service },
          Action: "sts:AssumeRole",
          Condition: trustCondition(props),
        },
      ]),
    });
    this.policyReady = new IamRolePolicy(this, "Policy", {
      name: `${props.roleName}-policy`,
      role: role.id,
      policy: Lazy.stringValue({ produce: () => policyDocument(mergeStatements(this.statements)) }),
    });
    (props.managedPolicyArns ?? []).forEach(
      (arn, i) => new IamRolePolicyAttachment(this, `ManagedPolicy${i}`, { role: role.name, policyArn: arn }),
    );
    this.node.addValidation({
      validate: () =>
        this.statements.length === 0
          ? [`ServiceRole ${this.node.path}: its policy has no statements; grant it something or do not create it.`]
          : [],
    });
    this.roleArn = role.arn;
    this.roleName = role.name;
  }

  addToPolicy(...statements: PolicyStatement[]): void {
    this.statements.push(...statements);
  }
}

/** The trust statement's condition: `trustConditions` plus aws:SourceAccount when given; none when both are absent. */
function trustCondition(props: ServiceRoleProps): PolicyStatement["Condition"] {
  const { trustConditions, sourceAccountId } = props;
  if (sourceAccountId === undefined) return trustConditions;
  return { ...trustConditions, StringEquals: { ...trustConditions?.StringEquals, "aws:SourceAccount": sourceAccountId } };
}
