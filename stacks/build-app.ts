import { App } from "cdktf";
import { declaredEnvironments, resolve } from "../config/resolve";
import type { AppSpec } from "../config/schema";
import { AppStack } from "./app-stack";
import { BootstrapStack } from "./bootstrap-stack";

export interface BuiltApp {
  readonly app: App;
  readonly bootstrapStacks: BootstrapStack[];
  readonly appStacks: AppStack[];
}

/** One BootstrapStack and one AppStack per declared environment. */
export function buildApp(spec: AppSpec, outdir: string): BuiltApp {
  const app = new App({ outdir });
  const bootstrapStacks: BootstrapStack[] = [];
  const appStacks: AppStack[] = [];
  for (const envName of declaredEnvironments(spec)) {
    const env = resolve(spec, envName);
    bootstrapStacks.push(new BootstrapStack(app, env));
    appStacks.push(new AppStack(app, env));
  }
  return { app, bootstrapStacks, appStacks };
}
