/**
 * resolveDelivery(spec, env): the GitHub OIDC provider, roles and permissions boundary of
 * one environment (config `delivery.github`), names filled in and defaults applied.
 */
import { fillTemplate, resourceName } from "./naming";
import { GITHUB_DEFAULTS } from "./presets";
import { partitionOf } from "./regions";
import { ENVIRONMENTS, type AppSpec, type EnvironmentName } from "./schema";

/** One role GitHub Actions assumes with its OIDC token. */
export interface ResolvedGitHubRole {
  readonly roleName: string;
  readonly roleArn: string;
  /** The `sub` claims that may assume it, e.g. `repo:acme/app:environment:prod`. */
  readonly subjects: readonly string[];
  readonly maxSessionSeconds: number;
}

/** GitHub delivery of one environment. */
export interface ResolvedDelivery {
  /** `<owner>/<repo>`. */
  readonly repository: string;
  readonly defaultBranch: string;
  /** `token.actions.githubusercontent.com`. */
  readonly oidcHost: string;
  /** The `aud` claim the roles require. */
  readonly audience: string;
  /** The account's provider, as a literal ARN (created here or not). */
  readonly oidcProviderArn: string;
  /** This environment creates the account's provider: `oidcProvider` create, and the first environment of its account. */
  readonly createsOidcProvider: boolean;
  /**
   * The GitHub environment whose jobs may assume the plan role, and the deployment branches
   * to give it in GitHub: "all" for `pullRequestPlans` environments, else the default branch.
   */
  readonly planEnvironment: { readonly name: string; readonly branches: string };
  /** Read-only: jobs in the GitHub environment `planEnvironment`. */
  readonly plan: ResolvedGitHubRole;
  /** Applies: the GitHub environment named like this one. */
  readonly deploy: ResolvedGitHubRole;
  /** Managed policy every role of the app stack carries as its permissions boundary. */
  readonly permissionsBoundary: { readonly policyName: string; readonly policyArn: string };
  /**
   * The stack that holds provider, roles and boundary when the state lives in another
   * account (`<app>-<env>-github`, state key `<app>/<env>/github.tfstate`); undefined: the bootstrap stack.
   */
  readonly ownStack?: { readonly stackName: string; readonly stateKey: string };
  /** Roles both CI roles may assume: `state.roleArn`, where the backend assumes one. */
  readonly assumableRoleArns: readonly string[];
}

export function resolveDelivery(spec: AppSpec, env: EnvironmentName): ResolvedDelivery | undefined {
  const gh = spec.delivery?.github;
  const envSpec = spec.environments[env];
  if (!gh || !envSpec) return undefined;
  const region = envSpec.region ?? spec.primaryRegion;
  const account = envSpec.accountId;
  const partition = partitionOf(region);
  const fill = (t: string) => fillTemplate(t, { app: spec.app, env, account, region });
  const roleArn = (name: string) => `arn:${partition}:iam::${account}:role/${name}`;
  const repo = `repo:${gh.repository}`;
  const branch = gh.defaultBranch ?? GITHUB_DEFAULTS.defaultBranch;
  const pullRequests: readonly string[] = gh.pullRequestPlans ?? GITHUB_DEFAULTS.pullRequestPlans;
  const planEnvironment = { name: `${env}-plan`, branches: pullRequests.includes(env) ? "all" : branch };
  const firstOfAccount = ENVIRONMENTS.find((e) => spec.environments[e]?.accountId === account);
  const stateSpec = { ...spec.state, ...envSpec.state };
  const stateAccount = stateSpec.accountId ?? account;
  const planName = fill(gh.planRoleName ?? GITHUB_DEFAULTS.planRoleName);
  const deployName = fill(gh.deployRoleName ?? GITHUB_DEFAULTS.deployRoleName);
  const boundaryName = fill(GITHUB_DEFAULTS.permissionsBoundaryName);
  return {
    repository: gh.repository,
    defaultBranch: branch,
    oidcHost: GITHUB_DEFAULTS.oidcHost,
    audience: GITHUB_DEFAULTS.audience,
    oidcProviderArn: `arn:${partition}:iam::${account}:oidc-provider/${GITHUB_DEFAULTS.oidcHost}`,
    createsOidcProvider: (gh.oidcProvider ?? GITHUB_DEFAULTS.oidcProvider) === "create" && firstOfAccount === env,
    planEnvironment,
    plan: {
      roleName: planName,
      roleArn: roleArn(planName),
      // Only a job in the GitHub environment `<env>-plan`, whose deployment branches decide who
      // may plan (every branch for `pullRequestPlans` environments, else the default branch):
      // a `ref:` subject would also admit comment- and pull_request_target-triggered runs.
      subjects: [`${repo}:environment:${planEnvironment.name}`],
      maxSessionSeconds: GITHUB_DEFAULTS.planSessionHours * 3600,
    },
    deploy: {
      roleName: deployName,
      roleArn: roleArn(deployName),
      subjects: [`${repo}:environment:${env}`],
      maxSessionSeconds: (gh.deploySessionHours ?? GITHUB_DEFAULTS.deploySessionHours) * 3600,
    },
    permissionsBoundary: { policyName: boundaryName, policyArn: `arn:${partition}:iam::${account}:policy/${boundaryName}` },
    ownStack:
      stateAccount === account
        ? undefined
        : { stackName: resourceName(spec.app, env, GITHUB_DEFAULTS.stackSuffix), stateKey: fill(GITHUB_DEFAULTS.stateKey) },
    assumableRoleArns: stateSpec.roleArn ? [stateSpec.roleArn] : [],
  };
}
