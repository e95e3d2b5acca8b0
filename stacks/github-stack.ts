import type { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import type { ResolvedEnvironment } from "../config/resolve";
import type { GitHubDelivery } from "../constructs/github-delivery";
import { addAwsProvider } from "./aws-provider";
import { addGitHubDelivery } from "./bootstrap-stack";
import { useS3Backend } from "./state-backend";

/**
 * GitHub delivery of an environment whose state lives in another account: the OIDC
 * provider, CI roles and boundary belong in the environment's own account, so they get a
 * stack of their own (`<app>-<env>-github`), applied after the bootstrap stack with
 * credentials of that account, its state in the environment's state bucket.
 */
export class GitHubStack extends TerraformStack {
  public readonly delivery: GitHubDelivery;

  constructor(scope: Construct, env: ResolvedEnvironment) {
    const own = env.delivery?.ownStack;
    if (!own) throw new Error(`GitHubStack: ${env.stackNames.app} keeps its GitHub roles in the bootstrap stack.`);
    super(scope, own.stackName);
    addAwsProvider(this, { region: env.region, accountId: env.accountId, tags: env.tags, sessionName: `${own.stackName}-deploy` });
    useS3Backend(this, env, own.stateKey);
    this.delivery = addGitHubDelivery(this, env);
  }
}
