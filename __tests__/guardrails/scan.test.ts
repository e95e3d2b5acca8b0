/** `npm run scan`: runs whichever scanners are installed, and never passes on nothing. */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");

describe("npm run scan", () => {
  const work = mkdtempSync(join(tmpdir(), "scan-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = (outdir: string, args: string[] = [], path = "/usr/bin:/bin") =>
    spawnSync("bash", ["scripts/scan.sh", ...args], { cwd: root, env: { PATH: path, CDKTF_OUTDIR: outdir }, encoding: "utf8" });
  mkdirSync(join(work, "stacks"), { recursive: true });

  it("fails when no scanner is installed, saying how to install them", () => {
    const r = run(work);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/checkov not installed: pip install checkov==3\.3\.13 /);
    expect(r.stdout).toMatch(/trivy not installed: trivy 0\.61 or later \(https:\/\/trivy\.dev/);
    expect(r.stderr).toMatch(/failing because nothing was scanned; .* --allow-none/);
  });

  it("accepts running no scanner only when asked to", () => {
    const r = run(work, ["--allow-none"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/no scanner ran/);
    expect(run(work, ["--bogus"]).status).toBe(2);
  });

  it("passes when an installed scanner passes, and fails when it fails", () => {
    const bin = join(work, "bin");
    mkdirSync(bin, { recursive: true });
    const fakeCheckov = (code: number) => {
      writeFileSync(join(bin, "checkov"), `#!/bin/sh\necho "checkov $*"\nexit ${code}\n`);
      chmodSync(join(bin, "checkov"), 0o755);
    };
    fakeCheckov(0);
    const ok = run(work, [], `${bin}:/usr/bin:/bin`);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/checkov -d .* --framework terraform_json --config-file .*\.checkov\.yaml/);
    fakeCheckov(1);
    expect(run(work, [], `${bin}:/usr/bin:/bin`).status).toBe(1);
  });

  it("asks for a synth first when there is no output", () => {
    const r = run(join(work, "missing"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/run 'npm run synth' first/);
  });
});
