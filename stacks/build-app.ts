import { App, type TerraformStack } from "cdktf";
import { attachGuardrails, type GuardedStack } from "../guardrails/enforce";
import { declaredEnvironments, resolve } from "../config/resolve";
import type { AppSpec } from "../config/schema";
import { AppStack } from "./app-stack";
import { BootstrapStack } from "./bootstrap-stack";

export interface BuiltApp {
  readonly app: App;
  /** Every stack, with the config suppressions and rule context that apply to it. */
  readonly stacks: readonly (GuardedStack & { readonly stack: TerraformStack })[];
  readonly bootstrapStacks: BootstrapStack[];
  readonly appStacks: AppStack[];
}

/** One BootstrapStack and one AppStack per declared environment, guardrails attached. */
export function buildApp(spec: AppSpec, outdir: string, options: { hclOutput?: boolean } = {}): BuiltApp {
  const app = new App({ outdir, hclOutput: options.hclOutput ?? false });
  const bootstrapStacks: BootstrapStack[] = [];
  const appStacks: AppStack[] = [];
  const stacks: BuiltApp["stacks"][number][] = [];
  for (const envName of declaredEnvironments(spec)) {
    const env = resolve(spec, envName);
    const bootstrap = new BootstrapStack(app, env);
    const appStack = new AppStack(app, env);
    bootstrapStacks.push(bootstrap);
    appStacks.push(appStack);
    for (const [kind, stack] of [["bootstrap", bootstrap], ["app", appStack]] as const) {
      const suppressions = env.suppressions
        .filter((s) => s.stack === kind)
        .map((s) => ({ id: s.id, reason: s.reason, constructPath: `${stack.node.id}/${s.path}`, source: s.source }));
      const guarded = { stack, suppressions, context: { allowedRegions: env.allowedRegions } };
      attachGuardrails(guarded);
      stacks.push(guarded);
    }
  }
  return { app, stacks, bootstrapStacks, appStacks };
}
