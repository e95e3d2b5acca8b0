/**
 * scripts/run-bundled.js bundles an entry point once for runs that start together on a fresh
 * checkout: the first takes `.synth-cache/<name>.lock`, the others wait for it and take its
 * bundle; a lock left by a process that is gone is taken over. A reader that stops early
 * (`npm run synth | head`) ends a run quietly. Run on a fixture entry under a name of its own,
 * so that the synth's and the CLI's bundles (other tests') are not touched.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const cacheDir = join(root, ".synth-cache");
const name = `lock-test-${process.pid}`;
const lock = join(cacheDir, `${name}.lock`);
const script = `require("./scripts/run-bundled").runBundled("__tests__/fixtures/bundle-entry.ts", ${JSON.stringify(name)})`;
const bundles = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.startsWith(`${name}-`)) : []);
const removeOurs = () => {
  rmSync(lock, { force: true });
  for (const f of bundles()) rmSync(join(cacheDir, f), { force: true });
};

beforeEach(removeOurs);
afterAll(removeOurs);

describe("run-bundled's bundle lock", () => {
  it("takes over a lock whose process is gone, bundles, runs and removes the lock", () => {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(lock, "999999999"); // no such process
    const run = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("bundled entry ran\n");
    expect(existsSync(lock)).toBe(false);
    expect(bundles()).toEqual(expect.arrayContaining([expect.stringMatching(/^lock-test-\d+-[0-9a-f]+\.js$/), `${name}-inputs.json`]));
  });

  it("waits while a live process holds the lock, then bundles once it is released", async () => {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(lock, String(process.pid)); // this worker: alive
    const child = spawn(process.execPath, ["-e", script], { cwd: root });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const exited = new Promise<number | null>((done) => child.on("close", done));
    await new Promise((r) => setTimeout(r, 1_000));
    const whileHeld = { stdout, bundles: bundles() };
    rmSync(lock);
    expect(await exited).toBe(0);
    expect(whileHeld).toEqual({ stdout: "", bundles: [] });
    expect(stdout).toBe("bundled entry ran\n");
  });
});

describe("an entry point run bundled, whose reader stops early", () => {
  it("exits quietly with its own exit code: no EPIPE stack trace", async () => {
    const child = spawn(process.execPath, ["-e", script], { cwd: root, env: { ...process.env, LINES_TO_PRINT: "100000" } });
    child.stdout.destroy(); // the reader is gone before the first line
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const status = await new Promise<number | null>((done) => child.on("close", done));
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
  });
});
