/**
 * Several configs synthesize on threads (stacks/synthesis-workers.ts); SYNTH_THREADS=1 keeps
 * them in one. What the user sees must not depend on it: the same findings of every config in
 * the same words, the same exit code, nothing written. (Equal output on success: the
 * equivalence test compares `--all` with the unoptimized synth, which uses no threads.)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { baseSpec } from "./helpers";

const root = resolve(__dirname, "..");
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "threads-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function synth(threads: string | undefined, outdir: string, files: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir };
  if (threads === undefined) delete env.SYNTH_THREADS;
  else env.SYNTH_THREADS = threads;
  return spawnSync(process.execPath, ["scripts/synth.js", ...files], { cwd: root, env, encoding: "utf8" });
}

/** A config of its own app whose dev (or prod) keeps app logs too briefly: a CKV_AWS_338 finding. */
function shortLogs(app: string, env: "dev" | "prod"): string {
  const spec: any = baseSpec();
  spec.app = app;
  spec.environments[env].overrides = { logs: { retentionDays: 90 } };
  const file = join(work, `${app}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe("several configs on threads", () => {
  it("list every config's findings as one thread would, exit 1 and write nothing", () => {
    const good = join(work, "good.json");
    writeFileSync(good, JSON.stringify(baseSpec()));
    const files = [good, shortLogs("second", "dev"), shortLogs("third", "prod")];
    const threaded = synth(undefined, join(work, "threaded"), files);
    const single = synth("1", join(work, "single"), files);
    expect(threaded.status).toBe(1);
    expect(threaded.stderr).toMatch(/second-dev-app aws_cloudwatch_log_group\.\S+ \[CKV_AWS_338\]/);
    expect(threaded.stderr).toMatch(/third-prod-app aws_cloudwatch_log_group\.\S+ \[CKV_AWS_338\]/);
    expect(threaded.stderr).not.toMatch(/demo-/);
    expect(threaded.stderr.replaceAll(join(work, "threaded"), "OUT")).toBe(single.stderr.replaceAll(join(work, "single"), "OUT"));
    expect(single.status).toBe(1);
    expect(existsSync(join(work, "threaded"))).toBe(false);
    expect(existsSync(join(work, "single"))).toBe(false);
  });
});
