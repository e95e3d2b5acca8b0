/**
 * `npm run plan` / `npm run apply` (scripts/plan.js) as a child process, with PATH, HOME
 * and the synthesized output under the test's control: a fake terraform records what it
 * is asked to run, so no real terraform, provider or AWS account is involved.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDirs } from "./temp-dirs";

const SCRIPT = join(__dirname, "..", "scripts", "plan.js");

const tempDir = tempDirs();

/** A synthesized output with one stack locking with an S3 lockfile and one with DynamoDB. */
function workspace() {
  const root = tempDir("plan-wrapper-");
  const out = join(root, "cdktf.out");
  const stack = (name: string, s3: Record<string, unknown>) => {
    mkdirSync(join(out, "stacks", name), { recursive: true });
    writeFileSync(join(out, "stacks", name, "cdk.tf.json"), JSON.stringify({ terraform: { backend: { s3 } } }));
  };
  stack("demo-dev-app", { bucket: "b", key: "k", use_lockfile: true });
  stack("demo-dev-bootstrap", { bucket: "b", key: "k2", dynamodb_table: "t" });
  const bin = join(root, "bin");
  const emptyBin = join(root, "empty-bin");
  const home = join(root, "home");
  mkdirSync(bin);
  mkdirSync(emptyBin);
  mkdirSync(home);
  const log = join(root, "terraform.log");
  // Prints the version it is told to have, logs every other call, exits as told for plan.
  writeFileSync(
    join(bin, "terraform"),
    [
      "#!/bin/sh",
      'if [ "$1" = "version" ]; then echo "{\\"terraform_version\\": \\"$FAKE_TF_VERSION\\"}"; exit 0; fi',
      `echo "$*" >> "${log}"`,
      'case "$*" in *" plan"*) exit "${FAKE_TF_PLAN_EXIT:-0}";; esac',
      "exit 0",
    ].join("\n"),
  );
  chmodSync(join(bin, "terraform"), 0o755);
  return { root, out, bin, emptyBin, home, log };
}

type Ws = ReturnType<typeof workspace>;
function run(ws: Ws, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ws.root,
    encoding: "utf8",
    // Only what the test gives: no real terraform, no real AWS credentials.
    env: { PATH: ws.bin, HOME: ws.home, CDKTF_OUTDIR: ws.out, FAKE_TF_VERSION: "1.13.3", ...env },
  });
  return { status: r.status, stderr: r.stderr, calls: existsSync(ws.log) ? readFileSync(ws.log, "utf8").trim().split("\n") : [] };
}

describe("npm run plan / apply", () => {
  const creds = { AWS_PROFILE: "dev-admin" };

  it("are the wrapper's two commands in package.json", () => {
    const scripts = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).scripts;
    expect(scripts.plan).toBe("node scripts/plan.js plan");
    expect(scripts.apply).toBe("node scripts/plan.js apply");
  });

  it("refuses an unknown stack, listing the valid ones, and says to synth when nothing is synthesized", () => {
    const ws = workspace();
    const r = run(ws, ["plan", "demo-prod-app"], creds);
    expect(r.status).toBe(10);
    expect(r.stderr).toContain('unknown stack "demo-prod-app"');
    expect(r.stderr).toContain("valid stacks: demo-dev-app, demo-dev-bootstrap");
    expect(run(ws, ["plan"], creds)).toMatchObject({ status: 10, stderr: expect.stringContaining("name a stack") });
    const none = run(ws, ["plan", "demo-dev-app"], { ...creds, CDKTF_OUTDIR: join(ws.root, "nothing") });
    expect(none.status).toBe(10);
    expect(none.stderr).toContain("run 'npm run synth' first");
    expect(existsSync(ws.log)).toBe(false);
  });

  it("says how to install terraform when it is not on PATH", () => {
    const ws = workspace();
    const r = run(ws, ["plan", "demo-dev-app"], { ...creds, PATH: ws.emptyBin });
    expect(r.status).toBe(11);
    expect(r.stderr).toContain("terraform not found");
    expect(r.stderr).toContain("https://developer.hashicorp.com/terraform/install");
    // TERRAFORM picks a binary off PATH.
    expect(
      run(ws, ["plan", "demo-dev-app", "--dry-run"], { ...creds, PATH: ws.emptyBin, TERRAFORM: join(ws.bin, "terraform") }).status,
    ).toBe(0);
  });

  it("refuses a terraform too old for the stack's backend: 1.10 for the S3 lockfile, 1.6 otherwise", () => {
    const ws = workspace();
    const old = run(ws, ["plan", "demo-dev-app"], { ...creds, FAKE_TF_VERSION: "1.9.8" });
    expect(old.status).toBe(11);
    expect(old.stderr).toContain("terraform 1.9.8 is too old for demo-dev-app: its S3 backend locks with an S3 lockfile");
    expect(old.stderr).toContain("needs 1.10.0 or newer");
    expect(run(ws, ["plan", "demo-dev-bootstrap", "--dry-run"], { ...creds, FAKE_TF_VERSION: "1.9.8" }).status).toBe(0);
    expect(run(ws, ["plan", "demo-dev-bootstrap"], { ...creds, FAKE_TF_VERSION: "1.5.7" })).toMatchObject({
      status: 11,
      stderr: expect.stringContaining("needs 1.6.0 or newer"),
    });
    expect(existsSync(ws.log)).toBe(false);
  });

  it("refuses to start without AWS credentials, and finds a profile, keys or the shared config", () => {
    const ws = workspace();
    const r = run(ws, ["apply", "demo-dev-app"]);
    expect(r.status).toBe(12);
    expect(r.stderr).toContain("no AWS credentials found");
    expect(r.stderr).toContain("aws sso login");
    for (const env of <Record<string, string>[]>[
      { AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY: "x" },
      { AWS_WEB_IDENTITY_TOKEN_FILE: "/tmp/token" },
      { PLAN_SKIP_CREDENTIALS_CHECK: "1" },
    ]) {
      expect(run(ws, ["plan", "demo-dev-app"], env)).toMatchObject({
        status: 0,
        calls: expect.arrayContaining([expect.stringMatching(/ plan$/)]),
      });
    }
    mkdirSync(join(ws.home, ".aws"));
    writeFileSync(join(ws.home, ".aws", "config"), "[profile x]\n");
    expect(run(ws, ["plan", "demo-dev-app"]).status).toBe(0);
  });

  it("runs init, then plan or apply with the arguments given, in the stack's folder, passing terraform's exit code on", () => {
    const ws = workspace();
    const dir = join(ws.out, "stacks", "demo-dev-app");
    const r = run(ws, ["plan", "demo-dev-app", "-detailed-exitcode", "-out=tfplan"], { ...creds, FAKE_TF_PLAN_EXIT: "2" });
    expect(r.calls).toEqual([`-chdir=${dir} init -input=false`, `-chdir=${dir} plan -detailed-exitcode -out=tfplan`]);
    expect(r.status).toBe(2);
    const apply = run(ws, ["apply", "demo-dev-bootstrap", "-auto-approve"], creds);
    expect(apply.status).toBe(0);
    expect(apply.calls.slice(2)).toEqual([
      `-chdir=${join(ws.out, "stacks", "demo-dev-bootstrap")} init -input=false`,
      `-chdir=${join(ws.out, "stacks", "demo-dev-bootstrap")} apply -auto-approve`,
    ]);
  });

  it("prints the commands and runs nothing with --dry-run, which needs no credentials and may come first", () => {
    const ws = workspace();
    const r = run(ws, ["apply", "demo-dev-app", "--dry-run", "-auto-approve"], creds);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`> terraform -chdir=${join(ws.out, "stacks", "demo-dev-app")} apply -auto-approve`);
    expect(r.calls).toEqual([]);
    const bare = run(ws, ["plan", "--dry-run", "demo-dev-app"]);
    expect(bare).toMatchObject({ status: 0, calls: [] });
    expect(bare.stderr).toContain(`> terraform -chdir=${join(ws.out, "stacks", "demo-dev-app")} plan`);
  });
});
