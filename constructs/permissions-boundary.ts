import { Construct, type IConstruct } from "constructs";
import { Aspects, type IAspect } from "cdktf";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { suppress } from "../guardrails/suppressions";
import { DENY_KEY_GRANTS_TO_PRINCIPALS, SHARING_OUTSIDE_THE_ACCOUNT } from "./policy-document";

export interface PermissionsBoundaryProps {
  /** Managed policy name, `<app>-<env>-permissions-boundary`. */
  readonly policyName: string;
  /** Regions the bounded roles may act in (aws:RequestedRegion): the app's allowed regions. */
  readonly regions: readonly string[];
}

/** Services no role of the app needs to call: a bounded role can never use them, whatever its policy says. */
const NEVER = ["iam:*", "organizations:*", "account:*", "sts:AssumeRole"];

/**
 * What opens data to another account or the public, which none of the app's roles (tasks,
 * replication, Config, CloudTrail, flow logs, backups, monitoring) does: denied even if a
 * role's policy allowed it, so a role whose trust was changed cannot be used to share data.
 */
const OPENS_DATA = [
  ...SHARING_OUTSIDE_THE_ACCOUNT,
  "kms:PutKeyPolicy",
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketAcl",
  "s3:PutObjectAcl",
  "s3:PutBucketPublicAccessBlock",
  "s3:PutAccountPublicAccessBlock",
  "s3:PutReplicationConfiguration",
  "sns:AddPermission",
  "sns:SetTopicAttributes",
  "logs:PutResourcePolicy",
  "logs:PutSubscriptionFilter",
  "logs:PutDestination",
  "logs:PutDestinationPolicy",
];

/**
 * The permissions boundary of every role the app stack creates: the most any of them can
 * ever do, whatever its own policy says. Inside the allowed regions anything but IAM,
 * Organizations, account settings, assuming other roles and opening data to others
 * (`OPENS_DATA`, grants to principals); IAM reads everywhere (AWS Config records IAM, a
 * global service). The GitHub deploy role may create and change roles
 * only with this boundary attached, so a CI run cannot make a role stronger than it.
 */
export class PermissionsBoundary extends Construct {
  public readonly policyArn: string;

  constructor(scope: Construct, id: string, props: PermissionsBoundaryProps) {
    super(scope, id);
    const policy = new IamPolicy(this, "Policy", {
      name: props.policyName,
      description: "Permissions boundary of every role the app stack creates; the CI deploy role creates roles only with it",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AllowInAllowedRegions",
            Effect: "Allow",
            NotAction: NEVER,
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": [...props.regions] } },
          },
          { Sid: "AllowIamReads", Effect: "Allow", Action: ["iam:Get*", "iam:List*"], Resource: "*" },
          { Sid: "DenyOpeningData", Effect: "Deny", Action: OPENS_DATA, Resource: "*" },
          DENY_KEY_GRANTS_TO_PRINCIPALS,
        ],
      }),
    });
    suppress(
      policy,
      "CKV_AWS_355",
      "A permissions boundary grants nothing itself, it caps the policies of the roles that carry it; the roles' own policies are scoped",
    );
    this.policyArn = policy.arn;
  }
}

/** Sets a permissions boundary on every IAM role below the scope it is added to. */
class BoundaryAspect implements IAspect {
  constructor(private readonly policyArn: string) {}
  visit(node: IConstruct): void {
    if (node instanceof IamRole) node.permissionsBoundary = this.policyArn;
  }
}

/**
 * Give every IAM role of `scope` (the app stack: ServiceRole and any other) the boundary
 * `policyArn`, a literal ARN: the boundary lives in the stack that holds the CI roles.
 */
export function attachPermissionsBoundary(scope: IConstruct, policyArn: string): void {
  Aspects.of(scope).add(new BoundaryAspect(policyArn));
}
