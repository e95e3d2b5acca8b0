// `npm run plan -- <stack> [terraform args]` and `npm run apply -- <stack> [terraform args]`:
// `terraform -chdir=cdktf.out/stacks/<stack> init -input=false`, then plan or apply with the
// arguments given (CI: `-auto-approve`, `-detailed-exitcode`, `-out=...`). Before running
// anything it says what is wrong, in one line and with the fix, when:
// - the stack is unknown (listing the synthesized ones) or nothing is synthesized (exit 10);
// - terraform is missing or older than the stack needs: 1.6 for the S3 backend's
//   assume_role block, 1.10 for its S3 lockfile (`use_lockfile`) (exit 11);
// - no AWS credentials can be found (exit 12).
// Terraform's own exit code is passed on (plan -detailed-exitcode: 2 = changes), which is
// why the wrapper's own codes start at 10.
// `--dry-run` prints the commands instead of running them. TERRAFORM=/path picks the binary;
// CDKTF_OUTDIR the synthesized output (default cdktf.out).
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, readFileSync } = require("node:fs");
const { homedir } = require("node:os");
const { join } = require("node:path");

/** Oldest Terraform for a stack: S3 backend assume_role blocks (1.6), S3 lockfile (1.10). */
const MIN_TERRAFORM = "1.6.0";
const MIN_TERRAFORM_LOCKFILE = "1.10.0";

/** Exit codes of the wrapper's own refusals (terraform's pass through). */
const EXIT = { usage: 10, terraform: 11, credentials: 12 };

class Refusal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const compareVersions = (a, b) => {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

/** The synthesized stacks, sorted; throws when there is no synthesized output. */
function synthesizedStacks(outdir) {
  const dir = join(outdir, "stacks");
  if (!existsSync(dir)) throw new Refusal(EXIT.usage, `no ${dir}: run 'npm run synth' first`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "cdk.tf.json")))
    .map((d) => d.name)
    .sort();
}

/** The version the stack needs, read from its backend. */
function requiredTerraform(stackDir) {
  const tf = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
  const s3 = tf.terraform?.backend?.s3;
  return s3?.use_lockfile
    ? { version: MIN_TERRAFORM_LOCKFILE, why: "its S3 backend locks with an S3 lockfile (use_lockfile)" }
    : { version: MIN_TERRAFORM, why: "its S3 backend's assume_role block" };
}

/** The terraform binary's version; throws when it cannot be run. */
function terraformVersion(terraform) {
  const r = spawnSync(terraform, ["version", "-json"], { encoding: "utf8" });
  if (r.error && r.error.code === "ENOENT") {
    throw new Refusal(
      EXIT.terraform,
      `terraform not found (${terraform}): install Terraform ${MIN_TERRAFORM_LOCKFILE} or newer ` +
        "(https://developer.hashicorp.com/terraform/install), or set TERRAFORM=/path/to/terraform",
    );
  }
  if (r.error || r.status !== 0) {
    throw new Refusal(EXIT.terraform, `'${terraform} version -json' failed: ${(r.error?.message ?? r.stderr ?? "").trim()}`);
  }
  try {
    return JSON.parse(r.stdout).terraform_version;
  } catch {
    // Terraform before 0.13 has no -json: far too old either way.
    return (/v(\d+\.\d+\.\d+)/.exec(r.stdout) ?? [undefined, "0.0.0"])[1];
  }
}

/** Where the AWS SDK would find credentials; undefined when none of them is there. */
function credentialSource(env) {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return "AWS_ACCESS_KEY_ID";
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return "AWS_WEB_IDENTITY_TOKEN_FILE";
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return "container credentials";
  if (env.AWS_PROFILE) return `AWS_PROFILE=${env.AWS_PROFILE}`;
  const home = env.HOME ?? homedir();
  for (const file of [
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, ".aws", "credentials"),
    env.AWS_CONFIG_FILE ?? join(home, ".aws", "config"),
  ]) {
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The commands a run would make, each an argv. */
function commands(terraform, command, stackDir, extra) {
  const chdir = `-chdir=${stackDir}`;
  return [
    [terraform, chdir, "init", "-input=false"],
    [terraform, chdir, command, ...extra],
  ];
}

function main(argv, env) {
  // --dry-run anywhere; the rest as given (terraform's own arguments after the stack).
  const dryRun = argv.includes("--dry-run");
  const [command, stack, ...extra] = argv.filter((a) => a !== "--dry-run");
  if (command !== "plan" && command !== "apply")
    throw new Refusal(EXIT.usage, "usage: node scripts/plan.js plan|apply <stack> [terraform args]");
  const outdir = env.CDKTF_OUTDIR || "cdktf.out";
  const stacks = synthesizedStacks(outdir);
  if (!stack || stack.startsWith("-")) {
    throw new Refusal(EXIT.usage, `name a stack: npm run ${command} -- <stack>; synthesized: ${stacks.join(", ") || "none"}`);
  }
  if (!stacks.includes(stack)) {
    throw new Refusal(
      EXIT.usage,
      `unknown stack "${stack}" in ${outdir}/stacks; valid stacks: ${stacks.join(", ") || "none (run npm run synth)"}`,
    );
  }
  const stackDir = join(outdir, "stacks", stack);
  const terraform = env.TERRAFORM || "terraform";
  const have = terraformVersion(terraform);
  const need = requiredTerraform(stackDir);
  if (compareVersions(have, need.version) < 0) {
    throw new Refusal(
      EXIT.terraform,
      `terraform ${have} is too old for ${stack}: ${need.why} needs ${need.version} or newer; ` +
        "upgrade (https://developer.hashicorp.com/terraform/install) or set TERRAFORM=/path/to/a/newer/terraform",
    );
  }
  // A dry run only prints the commands: it needs no credentials.
  if (!dryRun && !credentialSource(env) && env.PLAN_SKIP_CREDENTIALS_CHECK !== "1") {
    throw new Refusal(
      EXIT.credentials,
      "no AWS credentials found (no AWS_PROFILE, AWS_ACCESS_KEY_ID, web identity or container credentials, no ~/.aws/credentials " +
        "or ~/.aws/config): run 'aws sso login --profile <p>' and set AWS_PROFILE, or in CI assume the GitHub plan or deploy role " +
        "(aws-actions/configure-aws-credentials). On an instance role set PLAN_SKIP_CREDENTIALS_CHECK=1",
    );
  }
  for (const argv of commands(terraform, command, stackDir, extra)) {
    console.error(`> ${argv.join(" ")}`);
    if (dryRun) continue;
    const r = spawnSync(argv[0], argv.slice(1), { stdio: "inherit" });
    if (r.error) throw new Refusal(EXIT.terraform, `${argv[0]} failed to start: ${r.error.message}`);
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    console.error(`${process.argv[2] ?? "plan"}: ${e.message}`);
    process.exitCode = e.code;
  }
}

module.exports = { main, commands, credentialSource, compareVersions };
