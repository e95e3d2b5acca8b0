/**
 * What `npm run synth -- [options] [config.json ...]` was asked: which config files, JSON or
 * HCL, or its usage. An unknown option is a usage error (exit 2, nothing written): a typo of
 * `--hcl` must not run a JSON synth over the previous output.
 */
import { readdirSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { configFileFromEnv, DEFAULT_CONFIG_FILE, type ConfigSource } from "./load";
import { didYouMean } from "./problems";

export const SYNTH_USAGE = `usage: npm run synth -- [options] [config.json ...]

Synthesizes every stack of each config into $CDKTF_OUTDIR/stacks/ (default cdktf.out), with
the guardrails' reports, and writes nothing when a config or a guardrail says no. With no
config named: $INFRA_CONFIG, else ${DEFAULT_CONFIG_FILE}. A config path is read from where you
run the command; $CDKTF_OUTDIR, as every npm script reads it, from the project's folder.

options:
  --all        the default config and every example (examples/*.json), besides any named
  --hcl        write cdk.tf (HCL, with the scanners' inline suppression comments) instead of
               cdk.tf.json; so does SYNTH_HCL_OUTPUT=true
  -h, --help   print this and exit

exit: 0 synthesized, 1 a config problem or a guardrail finding, 2 a usage error`;

const OPTIONS = ["--all", "--hcl", "--help", "-h"] as const;
const isOption = (arg: string): boolean => (OPTIONS as readonly string[]).includes(arg);

/** An argument the synth does not know: the message says which, and what was meant. */
export class SynthUsageError extends Error {}

export interface SynthArguments {
  /** Config files, each once, in the order given (`--all`: the default, then the examples). */
  readonly files: readonly string[];
  readonly source: ConfigSource;
  readonly hcl: boolean;
  readonly help: boolean;
  /** Said before synthesizing: INFRA_CONFIG set but not used. */
  readonly warnings: readonly string[];
}

/**
 * The directory a relative config path is read from: where the user typed `npm run synth`
 * (npm starts the script in the package root and records that directory in INIT_CWD), or
 * the working directory. Only when npm ran this very script: `npm test` passes INIT_CWD on.
 */
function userDirectory(env: NodeJS.ProcessEnv): string {
  return env.npm_lifecycle_event === "synth" && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

/** A path as the user meant it: relative to where they typed the command. Unchanged when that is here. */
function fromUser(file: string, env: NodeJS.ProcessEnv): string {
  const dir = userDirectory(env);
  return isAbsolute(file) || resolve(dir) === process.cwd() ? file : join(dir, file);
}

/** `argv` is node's (`process.argv`): the script's arguments start at index 2. */
export function parseSynthArguments(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SynthArguments {
  const args = argv.slice(2);
  const unknown = args.find((a) => a.startsWith("-") && !isOption(a));
  if (unknown !== undefined) {
    const name = unknown.split("=")[0];
    if (name !== unknown && isOption(name)) throw new SynthUsageError(`${name} takes no value (got ${unknown})`);
    // A lone "-" or "--" is too short to have meant anything.
    const meant = unknown.length > 2 ? didYouMean(unknown, OPTIONS) : undefined;
    throw new SynthUsageError(`unknown option ${unknown}${meant ? ` (did you mean ${meant}?)` : ""}`);
  }
  const named = args.filter((a) => !a.startsWith("-")).map((f) => fromUser(f, env));
  const all = args.includes("--all")
    ? [
        DEFAULT_CONFIG_FILE,
        ...readdirSync("examples")
          .filter((f) => f.endsWith(".json"))
          .sort()
          .map((f) => join("examples", f)),
      ]
    : [];
  // Each file once, where and as first named (`a.json` and `./a.json` are one).
  const seen = new Set<string>();
  const files = [...all, ...named].filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
  const fromEnv = env.INFRA_CONFIG?.trim() ? env.INFRA_CONFIG : undefined;
  return {
    files: files.length > 0 ? files : [fromEnv ? fromUser(configFileFromEnv(env), env) : DEFAULT_CONFIG_FILE],
    source: files.length > 0 ? "command line" : fromEnv ? "INFRA_CONFIG" : "default",
    hcl: args.includes("--hcl") || env.SYNTH_HCL_OUTPUT === "true",
    help: args.includes("--help") || args.includes("-h"),
    warnings: fromEnv && files.length > 0 && !seen.has(resolve(fromUser(fromEnv, env))) ? [unusedConfigWarning(fromEnv, named, all)] : [],
  };
}

/** INFRA_CONFIG names a file the command line left out: say what is read instead. */
function unusedConfigWarning(fromEnv: string, named: readonly string[], all: readonly string[]): string {
  const instead = [
    ...(all.length > 0 ? ["--all reads the default config and every example"] : []),
    ...(named.length > 0 ? [`the config${named.length === 1 ? "" : "s"} named on the command line`] : []),
  ].join(", and ");
  return `warning: INFRA_CONFIG=${fromEnv} is not used: ${instead}${all.length > 0 ? "" : named.length === 1 ? " is read" : " are read"}`;
}
