/** `npm run scan` without the scanners installed (as here): says how to get them, does not fail. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");

describe("npm run scan", () => {
  const work = mkdtempSync(join(tmpdir(), "scan-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = (outdir: string) =>
    spawnSync("bash", ["scripts/scan.sh"], { cwd: root, env: { PATH: "/usr/bin:/bin", CDKTF_OUTDIR: outdir }, encoding: "utf8" });

  it("tells how to install Checkov and Trivy when they are missing", () => {
    mkdirSync(join(work, "stacks"), { recursive: true });
    const r = run(work);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/checkov not installed: pip install checkov/);
    expect(r.stdout).toMatch(/trivy not installed: see https:\/\/trivy\.dev/);
  });

  it("asks for a synth first when there is no output", () => {
    const r = run(join(work, "missing"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/run 'npm run synth' first/);
  });
});
