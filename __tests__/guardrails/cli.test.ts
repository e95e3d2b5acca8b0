/** `npm run guardrails -- <file-or-dir>` on Terraform JSON from anywhere. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");
const runCli = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "guardrails/cli.ts", ...args], { cwd: root, encoding: "utf8" });
let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), "cli-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe("guardrails CLI", () => {
  it("checks a directory of plain *.tf.json, names findings by address, writes reports, exits 1", () => {
    mkdirSync(join(work, "mod"));
    writeFileSync(join(work, "mod", "lb.tf.json"), JSON.stringify({ resource: { aws_lb: { main: { internal: false, load_balancer_type: "application", drop_invalid_header_fields: true } } } }));
    const run = runCli(work);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/aws_lb\.main \[AWS-0053\] HIGH: internet-facing load balancer/);
    expect(run.stderr).toMatch(/aws_lb\.main \[CKV2_AWS_28\]/);
    expect(run.stderr).not.toMatch(/CKV_AWS_131/);
    for (const ext of ["json", "sarif", "md"]) expect(existsSync(join(work, "mod", `lb.guardrails.${ext}`))).toBe(true);
  });

  it("agrees with synth on this project's output, suppressions included", () => {
    const out = join(work, "out");
    const synth = spawnSync(process.execPath, ["scripts/synth.js"], { cwd: root, env: { ...process.env, CDKTF_OUTDIR: out }, encoding: "utf8" });
    expect(synth.status).toBe(0);
    const before = readFileSync(join(out, "stacks", "careportal-prod-app", "guardrails.json"), "utf8");
    const run = runCli(out);
    expect(run.stdout).toMatch(/6 file\(s\), \d+ passed, 0 failed, 0 unknown/);
    expect(run.status).toBe(0);
    const after = JSON.parse(readFileSync(join(out, "stacks", "careportal-prod-app", "guardrails.json"), "utf8"));
    expect(after.summary).toEqual(JSON.parse(before).summary);
  });

  it("says what is wrong with its arguments", () => {
    expect(runCli().status).toBe(2);
    const missing = runCli(join(work, "nope"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file or directory/);
  });
});
