import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Testing, type TerraformStack } from "cdktf";
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer";
import type { AppSpec, EnvironmentName } from "../config/schema";
import { validateSpec } from "../config/validate";
import type { BuildOptions, BuiltApp } from "../stacks/build-app";
import { isStateful } from "../stacks/protection";

/**
 * Every file below `dir` with its text, by path relative to `dir`: outputs compared byte for
 * byte. Reports name the folder they were written to: with `outdir` (the synth's output folder,
 * `dir` or above it), that folder reads `<out>` in the text, so two outputs compare.
 */
export function filesBelow(dir: string, outdir?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const text = readFileSync(p, "utf8");
        out[p.slice(dir.length + 1)] = outdir === undefined ? text : text.split(outdir).join("<out>");
      }
    }
  };
  walk(dir);
  return out;
}

/** A stack's synthesized Terraform JSON. */
export interface TfJson {
  terraform?: Record<string, any>;
  provider?: Record<string, any[]>;
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  output?: Record<string, any>;
}

export function synthStack(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack)) as TfJson;
}

export const resourcesOfType = (tf: TfJson, type: string): Record<string, any>[] => Object.values(tf.resource?.[type] ?? {});

/** The one resource of a type; fails the test when there are none or several. */
export function onlyResource(tf: TfJson, type: string): Record<string, any> {
  const all = resourcesOfType(tf, type);
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The CloudWatch alarm of a name; fails the test, naming it, when there is none. */
export function alarmNamed(tf: TfJson, name: string): Record<string, any> {
  const alarm = resourcesOfType(tf, "aws_cloudwatch_metric_alarm").find((a) => a.alarm_name === name);
  if (!alarm) throw new Error(`no alarm ${name}`);
  return alarm;
}

/** Terraform addresses (`type.name`) of all resources in a stack. */
export const addresses = (tf: TfJson): string[] =>
  Object.entries(tf.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`));

/** Terraform addresses of the stateful resources of a stack (the protection aspect's types, stacks/protection.ts), sorted. */
export const statefulAddresses = (tf: TfJson): string[] =>
  addresses(tf)
    .filter((a) => isStateful(a.split(".")[0]))
    .sort();

/** The resource a `${type.name.attr}` reference points at. */
export function referenced(tf: TfJson, ref: string): Record<string, any> {
  const m = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(ref);
  if (!m) throw new Error(`not a reference: ${ref}`);
  return tf.resource![m[1]][m[2]];
}

/** The tests' account of each environment: baseSpec's, and that of specs written out in full. */
export const BASE_ACCOUNTS: Readonly<Record<EnvironmentName, string>> = {
  dev: "111111111111",
  staging: "222222222222",
  prod: "333333333333",
};

/** A valid spec, to be changed per test. */
export function baseSpec(): AppSpec {
  return {
    app: "demo",
    primaryRegion: "eu-central-1",
    allowedRegions: ["eu-central-1", "eu-west-1"],
    dataClassification: "pii",
    compliance: ["gdpr"],
    tags: { Owner: "team-a" },
    buckets: [{ name: "uploads" }],
    environments: {
      dev: { accountId: BASE_ACCOUNTS.dev },
      staging: { accountId: BASE_ACCOUNTS.staging },
      prod: { accountId: BASE_ACCOUNTS.prod },
    },
  };
}

/** An ACM certificate ARN in baseSpec's primary region (eu-central-1), in the given account. */
export const certificateArn = (account: string): string =>
  `arn:aws:acm:eu-central-1:${account}:certificate/00000000-0000-4000-8000-000000000003`;

/** `edge.alb.certificateArns` for baseSpec's three environments, each in its environment's account. */
export const albCertificateArns = () => ({
  dev: certificateArn(BASE_ACCOUNTS.dev),
  staging: certificateArn(BASE_ACCOUNTS.staging),
  prod: certificateArn(BASE_ACCOUNTS.prod),
});

/** Validate and return the spec, failing loudly when a test's spec is not valid. */
export function validSpec(spec: unknown): AppSpec {
  const result = validateSpec(spec);
  if (!result.ok) throw new Error(`spec should be valid: ${JSON.stringify(result.problems)}`);
  return result.spec;
}

const synthesized = new Map<string, TfJson>();

/**
 * The Terraform JSON `synthesize` makes, made once per test worker for `key` (the cache spans
 * the files it runs: setup.mjs); each caller gets its own copy to change. The key names the
 * stack and the spec it comes from.
 */
export function synthesizedOnce(key: string, synthesize: () => TfJson): TfJson {
  let tf = synthesized.get(key);
  if (!tf) {
    tf = synthesize();
    synthesized.set(key, tf);
  }
  return structuredClone(tf);
}

/** Synthesized Terraform JSON of the app stack for one environment of a spec (synthesizedOnce). */
export function appStackTf(spec: AppSpec, env: EnvironmentName): TfJson {
  return synthesizedOnce(`app stack ${env}:${JSON.stringify(spec)}`, () => {
    // Imported lazily so helpers stay cheap for tests that synthesize nothing.
    const { App } = require("cdktf") as typeof import("cdktf");
    const { resolve } = require("../config/resolve") as typeof import("../config/resolve");
    const { AppStack } = require("../stacks/app-stack") as typeof import("../stacks/app-stack");
    return synthStack(new AppStack(new App(), resolve(validSpec(spec), env)));
  });
}

/**
 * Every stack of a spec as the entry point builds them (stacks/build-app.ts), held in memory
 * and never written. cdktf's App creates its outdir (and `stacks/`) when constructed: a
 * temporary one, removed again at once. Whoever writes the app needs a folder of its own.
 */
export function buildInMemory(spec: AppSpec, options?: BuildOptions): BuiltApp {
  const { buildApp } = require("../stacks/build-app") as typeof import("../stacks/build-app");
  const outdir = mkdtempSync(join(tmpdir(), "app-"));
  try {
    return buildApp(spec, outdir, options);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Every stack of a spec as `npm run synth` hands them to the guardrails: built in memory
 * without the guardrails attached, then the aspects (protection) applied, as app.synth() does
 * first. Pass `.stacks` to enforce() for the guardrail reports.
 */
export function buildWithAspects(spec: AppSpec): BuiltApp {
  const built = buildInMemory(spec, { attachGuardrails: false });
  invokeAspects(built.app);
  return built;
}

/** A stack of a built app by id, e.g. `demo-prod-app`; fails the test when there is none. */
export function builtStack(built: BuiltApp, id: string): BuiltApp["stacks"][number] {
  const found = built.stacks.find((s) => s.stack.node.id === id);
  if (!found) throw new Error(`no stack ${id}`);
  return found;
}

/** Resources of a type whose attribute `attr` references the given address. */
export function referencing(tf: TfJson, type: string, attr: string, address: string): Record<string, any>[] {
  return resourcesOfType(tf, type).filter((r) => JSON.stringify(r[attr] ?? "").includes(`\${${address}.`));
}

/** The Terraform address of a resource object found with resourcesOfType. */
export function addressOf(tf: TfJson, resource: Record<string, any>): string {
  for (const [type, byName] of Object.entries(tf.resource ?? {})) {
    for (const [name, r] of Object.entries(byName)) if (r === resource) return `${type}.${name}`;
  }
  throw new Error("resource not in this stack");
}

/**
 * Synth's stderr without the warnings every baseSpec-like config gets: state no Terraform role
 * restricts, and a prod alarm topic nothing subscribes to (each tested on its own).
 */
export const withoutConfigWarnings = (stderr: string): string =>
  stderr
    .replace(/^warning: \S+-bootstrap: the state bucket and key are open .*\n/gm, "")
    .replace(/^warning: \S+-prod-app: nothing subscribes to the alarm topic.*\n/gm, "");

/**
 * A data store's placement: its subnet group spans the data subnets (one per AZ) and its
 * security group admits no one (no inline rules, no ingress rule resources).
 */
export function expectClosedInDataSubnets(tf: TfJson, subnetGroupRef: string, securityGroupRef: string, azCount = 3): void {
  const subnets = referenced(tf, subnetGroupRef);
  const dataSubnets = resourcesOfType(tf, "aws_subnet").filter((s) => s.tags.Tier === "data");
  expect(subnets.subnet_ids).toHaveLength(azCount);
  for (const id of subnets.subnet_ids) expect(dataSubnets).toContain(referenced(tf, id));
  const sg = referenced(tf, securityGroupRef);
  expect(sg.ingress).toBeUndefined();
  expect(sg.egress).toBeUndefined();
  expect(resourcesOfType(tf, "aws_vpc_security_group_ingress_rule")).toEqual([]);
}

/**
 * Run `script` (CommonJS, from the project's root) in a fresh node process, for what must not
 * see modules this worker already loaded; its stdout. The project's TypeScript loads from the
 * run's one build (child-typescript.mjs).
 */
export function runInFreshProcess(script: string, env: NodeJS.ProcessEnv = process.env): string {
  const typescript = pathToFileURL(join(__dirname, "child-typescript.mjs")).href;
  return execFileSync(process.execPath, ["--import", typescript, "-e", script], { cwd: join(__dirname, ".."), env, encoding: "utf8" });
}
