import { App, type TerraformStack } from "cdktf";
import { attachGuardrails, type GuardedStack } from "../guardrails/enforce";
import type { ReviewedConfig } from "../guardrails/engine";
import { declaredEnvironments, resolve, type ResolvedEnvironment } from "../config/resolve";
import type { AppSpec } from "../config/schema";
import { AppStack } from "./app-stack";
import { BootstrapStack } from "./bootstrap-stack";
import { RESIDENCY_EXCEPTION_SCOPES } from "./edge-tier";
import { GitHubStack } from "./github-stack";

export interface BuiltApp {
  readonly app: App;
  /** Every stack, with the config suppressions and rule context that apply to it. */
  readonly stacks: readonly (GuardedStack & { readonly stack: TerraformStack })[];
  readonly bootstrapStacks: BootstrapStack[];
  readonly appStacks: AppStack[];
  /** The resolved environments the stacks were built from, in build order. */
  readonly environments: readonly ResolvedEnvironment[];
}

export interface BuildOptions {
  /** Write cdk.tf (HCL) instead of cdk.tf.json. @default false */
  readonly hclOutput?: boolean;
  /**
   * Attach the guardrails as a cdktf validation, so any `app.synth()` fails on a finding.
   * The entry point turns this off and checks the synthesized output itself (one resolve
   * of each stack instead of two), still before anything reaches the output dir.
   * @default true
   */
  readonly attachGuardrails?: boolean;
  /** The config file the spec was read from, named in the guardrail reports. @default - not named */
  readonly config?: ReviewedConfig;
}

/** One BootstrapStack and one AppStack per declared environment, guardrails attached. */
export function buildApp(spec: AppSpec, outdir: string, options: BuildOptions = {}): BuiltApp {
  const app = new App({ outdir, hclOutput: options.hclOutput ?? false });
  const bootstrapStacks: BootstrapStack[] = [];
  const appStacks: AppStack[] = [];
  const stacks: BuiltApp["stacks"][number][] = [];
  const environments = declaredEnvironments(spec).map((e) => resolve(spec, e));
  for (const env of environments) {
    const bootstrap = new BootstrapStack(app, env);
    const github = env.delivery?.ownStack ? new GitHubStack(app, env) : undefined;
    const appStack = new AppStack(app, env);
    (bootstrap.delivery ?? github?.delivery)?.manage(appStack);
    bootstrapStacks.push(bootstrap);
    appStacks.push(appStack);
    // The GitHub stack holds what the bootstrap stack would: config suppressions for "bootstrap" apply to it too.
    const kinds = [["bootstrap", bootstrap], ...(github ? [["bootstrap", github] as const] : []), ["app", appStack]] as const;
    for (const [kind, stack] of kinds) {
      const suppressions = env.suppressions
        .filter((s) => s.stack === kind)
        .map((s) => ({ id: s.id, reason: s.reason, constructPath: `${stack.node.id}/${s.path}`, source: s.source }));
      const residencyExceptions = env.residencyExceptions.map((e) => ({
        name: e.resource,
        region: e.region,
        resourceTypes: e.resourceTypes,
        constructScopes: (RESIDENCY_EXCEPTION_SCOPES[e.resource] ?? []).map((p) => `${stack.node.id}/${p}`),
      }));
      const context = { allowedRegions: env.allowedRegions, residencyExceptions, compliance: env.compliance };
      const guarded = { stack, suppressions, context, config: options.config };
      if (options.attachGuardrails ?? true) attachGuardrails(guarded);
      stacks.push(guarded);
    }
  }
  return { app, stacks, bootstrapStacks, appStacks, environments };
}
