import { Construct } from "constructs";
import { TerraformDataSource, TerraformResource, type TerraformStack } from "cdktf";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import type { ResolvedDelivery } from "../config/resolve";
import { GitHubRole } from "./github-role";
import {
  regionalStatements,
  roleManagementStatements,
  sharingDenies,
  scopedStatements,
  serviceOfType,
  stateStatements,
  type DeliveryScope,
  type StateLocation,
} from "./github-permissions";
import { PermissionsBoundary } from "./permissions-boundary";

export interface GitHubDeliveryProps {
  /** Provider, role names, subjects and boundary of the environment (`resolve().delivery`). */
  readonly delivery: ResolvedDelivery;
  readonly partition: string;
  readonly accountId: string;
  /** Regions the roles (and the roles the app creates) may act in: the app's allowed regions. */
  readonly regions: readonly string[];
  /**
   * Regions outside `regions` that residency exceptions name, each with the resource types
   * placed there: the deploy and plan roles reach only those types' services in them.
   * @default none
   */
  readonly exceptionRegions?: readonly { readonly region: string; readonly resourceTypes: readonly string[] }[];
  /** `<app>-<env>`. */
  readonly prefix: string;
  /** `<app>/<env>/`. */
  readonly secretPrefix: string;
  readonly state: StateLocation;
}

/**
 * CI on GitHub Actions for one environment: the account's OIDC provider (or a reference to
 * it), a plan role, a deploy role and the permissions boundary the deploy role must put on
 * every role it creates. What the roles may do follows the stacks they manage
 * (`manage(stack)`): the services of those stacks' resources, read when synthesized.
 */
export class GitHubDelivery extends Construct {
  public readonly planRole: GitHubRole;
  public readonly deployRole: GitHubRole;
  public readonly boundary: PermissionsBoundary;
  private readonly managed: TerraformStack[] = [];

  constructor(scope: Construct, id: string, props: GitHubDeliveryProps) {
    super(scope, id);
    const d = props.delivery;
    const provider = d.createsOidcProvider
      ? new IamOpenidConnectProvider(this, "OidcProvider", { url: `https://${d.oidcHost}`, clientIdList: [d.audience] })
      : undefined;
    this.boundary = new PermissionsBoundary(this, "PermissionsBoundary", {
      policyName: d.permissionsBoundary.policyName,
      regions: props.regions,
    });
    const scopeOf = (): DeliveryScope => ({
      partition: props.partition,
      accountId: props.accountId,
      regions: props.regions,
      exceptionRegions: (props.exceptionRegions ?? []).map((e) => ({
        region: e.region,
        services: servicesOf(e.resourceTypes),
      })),
      prefix: props.prefix,
      secretPrefix: props.secretPrefix,
      services: this.services(),
      state: props.state,
      assumableRoleArns: d.assumableRoleArns,
    });
    const common = {
      // A literal ARN, so the trust policy is readable (CKV_AWS_393) before the provider exists.
      oidcProviderArn: d.oidcProviderArn,
      oidcHost: d.oidcHost,
      audience: d.audience,
      ...(provider ? { dependsOn: [provider] } : {}),
    };
    this.planRole = new GitHubRole(this, "PlanRole", {
      ...common,
      roleName: d.plan.roleName,
      description: `Terraform plan from GitHub ${d.repository}: reads what the stacks manage, writes only the state lock`,
      subjects: d.plan.subjects,
      maxSessionSeconds: d.plan.maxSessionSeconds,
      policies: [
        // Region-bound by a Condition (aws:RequestedRegion): CKV_AWS_355 and 290 skip such statements, as cloudsplaining does.
        { id: "Read", statements: () => regionalStatements(scopeOf(), "read") },
        { id: "Scoped", statements: () => [...scopedStatements(scopeOf(), "read"), ...stateStatements(props.state, "lock")] },
      ],
    });
    this.deployRole = new GitHubRole(this, "DeployRole", {
      ...common,
      roleName: d.deploy.roleName,
      description: `Terraform apply of ${props.prefix} from GitHub ${d.repository}, in the GitHub environment of the same name`,
      subjects: d.deploy.subjects,
      maxSessionSeconds: d.deploy.maxSessionSeconds,
      policies: [
        { id: "Deploy", statements: () => regionalStatements(scopeOf(), "deploy") },
        {
          id: "Scoped",
          statements: () => [
            ...scopedStatements(scopeOf(), "deploy"),
            ...roleManagementStatements(scopeOf(), {
              boundaryArn: d.permissionsBoundary.policyArn,
              ciRoleArns: [d.plan.roleArn, d.deploy.roleArn],
            }),
            ...stateStatements(props.state, "deploy"),
            ...sharingDenies(),
          ],
        },
      ],
    });
    this.node.addValidation({
      validate: () => (this.managed.length === 0 ? [`GitHubDelivery ${this.node.path}: manages no stack; call manage(appStack).`] : []),
    });
  }

  /** Let the roles plan and deploy `stack`: its resources' services join their policies. */
  manage(stack: TerraformStack): void {
    this.managed.push(stack);
  }

  /** IAM services of the managed stacks' resources and data sources, sorted. */
  private services(): string[] {
    const types = this.managed.flatMap((stack) =>
      stack.node
        .findAll()
        .filter((c): c is TerraformResource | TerraformDataSource => c instanceof TerraformResource || c instanceof TerraformDataSource)
        .map((c) => c.terraformResourceType),
    );
    return servicesOf(types);
  }
}

/** The IAM services of Terraform types, each once, sorted. */
function servicesOf(types: readonly string[]): string[] {
  return [...new Set(types.flatMap((t) => serviceOfType(t) ?? []))].sort();
}
