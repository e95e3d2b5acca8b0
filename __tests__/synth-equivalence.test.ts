/**
 * The synth's speed-ups (reused esbuild bundle, no stack trace per cdktf token) must not
 * change a byte of what it writes. Every config (the default and each example) goes through
 * the real entry point twice: as `npm run synth` runs it, and with SYNTH_UNOPTIMIZED=1,
 * which bundles afresh and leaves cdktf's stack-trace capture alone. Every written file
 * (each stack's cdk.tf.json and reports, manifest, scanner configs) must be identical, and
 * each stack's JSON equal as parsed, so that a difference names the stack.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const configs = [
  "app.config.json",
  ...readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => `examples/${f}`),
];
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "equiv-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function synth(config: string, outdir: string, unoptimized: boolean): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, INFRA_CONFIG: join(root, config), CDKTF_OUTDIR: outdir, SYNTH_HCL_OUTPUT: "false" };
  if (unoptimized) env.SYNTH_UNOPTIMIZED = "1";
  else delete env.SYNTH_UNOPTIMIZED;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["scripts/synth.js"], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`synth ${config} exited ${code}:\n${stderr}`))));
  });
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length + 1)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("optimized synth writes what the unoptimized one writes", () => {
  it.each(configs)("%s", async (config) => {
    const fast = join(work, config.replace(/\W/g, "_"), "fast");
    const slow = join(work, config.replace(/\W/g, "_"), "slow");
    await synth(config, slow, true);
    await synth(config, fast, false);
    const a = files(fast);
    const b = files(slow);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    const stacks = Object.keys(b).filter((f) => f.endsWith("cdk.tf.json"));
    expect(stacks.length).toBeGreaterThanOrEqual(6);
    for (const f of stacks) expect({ [f]: JSON.parse(a[f]) }).toEqual({ [f]: JSON.parse(b[f]) });
    for (const f of Object.keys(b)) expect({ [f]: a[f] }).toEqual({ [f]: b[f] });
  });
});
