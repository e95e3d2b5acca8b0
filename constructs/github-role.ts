import { Construct } from "constructs";
import { Lazy, type ITerraformDependable } from "cdktf";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { suppress } from "../guardrails/suppressions";
import { mergeStatements } from "./grants";
import { policyDocument, type PolicyStatement } from "./policy-document";

/** One inline policy of a GitHubRole. */
export interface GitHubRolePolicy {
  /** Construct id and name suffix (`<role>-<id>`), a stable noun. */
  readonly id: string;
  /** Produced when the stack is synthesized, so it may read stacks built after the role. */
  readonly statements: () => readonly PolicyStatement[];
  /** Guardrail rules this policy is exempt from, each with its reason. @default none */
  readonly suppressions?: readonly { readonly rule: string; readonly reason: string }[];
}

export interface GitHubRoleProps {
  readonly roleName: string;
  readonly description: string;
  /** The account's `token.actions.githubusercontent.com` provider, a literal ARN. */
  readonly oidcProviderArn: string;
  /** `token.actions.githubusercontent.com`: the prefix of the claim condition keys. */
  readonly oidcHost: string;
  /** The `aud` claim required (`sts.amazonaws.com`). */
  readonly audience: string;
  /** The `sub` claims that may assume the role, matched exactly. */
  readonly subjects: readonly string[];
  readonly maxSessionSeconds: number;
  readonly policies: readonly GitHubRolePolicy[];
  /** Created before the role (the OIDC provider, when this stack creates it). @default none */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * A role GitHub Actions assumes with its OIDC token (AssumeRoleWithWebIdentity): the trust
 * policy requires the audience and one of the listed subjects exactly, so another
 * repository, branch, event or environment cannot assume it.
 */
export class GitHubRole extends Construct {
  public readonly roleArn: string;
  public readonly roleName: string;

  constructor(scope: Construct, id: string, props: GitHubRoleProps) {
    super(scope, id);
    if (props.subjects.length === 0) throw new Error(`GitHubRole ${this.node.path}: \`subjects\` is empty; no workflow could assume it.`);
    const role = new IamRole(this, "Role", {
      name: props.roleName,
      description: props.description,
      maxSessionDuration: props.maxSessionSeconds,
      assumeRolePolicy: policyDocument([
        {
          Sid: "GitHubActionsAssumeRole",
          Effect: "Allow",
          Principal: { Federated: props.oidcProviderArn },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: { [`${props.oidcHost}:aud`]: props.audience, [`${props.oidcHost}:sub`]: [...props.subjects] },
          },
        },
      ]),
      ...(props.dependsOn ? { dependsOn: [...props.dependsOn] } : {}),
    });
    for (const p of props.policies) {
      const policy = new IamRolePolicy(this, p.id, {
        name: `${props.roleName}-${p.id.toLowerCase()}`,
        role: role.id,
        policy: Lazy.stringValue({ produce: () => policyDocument(mergeStatements(p.statements())) }),
      });
      for (const s of p.suppressions ?? []) suppress(policy, s.rule, s.reason);
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
  }
}
