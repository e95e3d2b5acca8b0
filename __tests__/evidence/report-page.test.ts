/**
 * The report page as a person sees it: synth R2 through the real entry point, open
 * cdktf.out/report.html in headless Chromium, and require every stack's diagram rendered as
 * an SVG with the expected parts, no console error, and no request but the page itself.
 * Needs Debian's chromium (`.ci/run` installs it; CHROMIUM_PATH points elsewhere).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");

interface Seen {
  readonly url: string;
  readonly diagrams: readonly { section: string; labels: string[]; clusters: string[]; edges: number }[];
  readonly headings: readonly string[];
  readonly errors: readonly string[];
  readonly requests: readonly string[];
}

describe("report.html in a browser", () => {
  let work: string;
  let seen: Seen;
  let html: string;
  let out: string;
  let synthOutput: { stdout: string; stderr: string };
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "report-"));
    out = join(work, "out");
    const env = { ...process.env, INFRA_CONFIG: join(root, "examples", "ecs-hipaa.json"), CDKTF_OUTDIR: out };
    const synth = spawnSync(process.execPath, ["scripts/synth.js"], { cwd: root, env, encoding: "utf8" });
    if (synth.status !== 0) throw new Error(synth.stderr);
    synthOutput = synth;
    html = readFileSync(join(out, "report.html"), "utf8");
    const open = spawnSync(process.execPath, [join(__dirname, "open-report.mjs"), join(out, "report.html")], {
      cwd: root,
      encoding: "utf8",
      timeout: 180_000,
    });
    if (open.status !== 0) throw new Error(`the browser check failed (exit ${open.status}): ${open.stderr}`);
    seen = JSON.parse(open.stdout) as Seen;
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("renders one diagram per stack, with the request path of R2 prod", () => {
    const stacks = ["dev", "staging", "prod"].flatMap((e) => [`carebow-${e}-bootstrap`, `carebow-${e}-app`]);
    expect(seen.headings).toEqual(stacks);
    expect(seen.diagrams.map((d) => d.section)).toEqual(stacks);
    const prod = seen.diagrams.find((d) => d.section === "carebow-prod-app")!;
    expect(prod.labels).toEqual(
      expect.arrayContaining(["Load balancercarebow-prod-alb", "ECS servicecarebow-prod-api", "RDScarebow-prod-db"]),
    );
    expect(prod.clusters).toEqual(expect.arrayContaining(["VPC", "Public subnets", "App subnets", "Data subnets"]));
    expect(prod.edges).toBeGreaterThanOrEqual(3);
  });

  it("shows no console error and asks the network for nothing", () => {
    expect(seen.errors).toEqual([]);
    expect(seen.requests).toEqual([seen.url]);
    expect(html).toContain("Content-Security-Policy");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it("carries each stack's controls, cost and suppressions as text", () => {
    expect(html).toMatch(/<td>HIPAA 164\.312\(b\)<\/td><td>Audit controls[^<]*<\/td><td class="status-met">met<\/td>/);
    expect(html).toMatch(/<h3>Cost estimate \(USD per month\)<\/h3>/);
    expect(html).toMatch(/<h3>Suppressed findings<\/h3><ul><li><strong>[A-Z0-9_-]+<\/strong> on <code>/);
  });

  it("is named at the end of synth, and synth warns of an estimate above its budget (R2 dev's, as the report marks)", () => {
    expect(synthOutput.stdout.trimEnd().split("\n").at(-1)).toBe(
      `For reviewers, every stack on one page: ${out}/report.html (\`npm run report\` prints its summary)`,
    );
    const budgetWarnings = synthOutput.stderr.split("\n").filter((l) => l.includes("budget"));
    expect(budgetWarnings).toEqual([
      expect.stringMatching(
        new RegExp(
          "^warning: carebow-dev-app: the cost estimate, \\$\\d+\\.\\d\\d a month \\(cost\\.md beside the stack\\), is above the " +
            "budget of \\$200\\.00 in the config: its alerts would fire every month; " +
            "raise environments\\.dev\\.overrides\\.budget\\.monthlyLimitUsd, or size the environment down$",
        ),
      ),
    ]);
  });

  it("npm run report prints one line per stack and where the page is", () => {
    const run = spawnSync(process.execPath, ["scripts/report.js"], {
      cwd: root,
      env: { ...process.env, CDKTF_OUTDIR: out },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`Report of ${out} (6 stacks)`);
    // R2 declares HIPAA: its 8 controls, all met.
    expect(lines.find((l) => l.startsWith("carebow-prod-app "))).toMatch(/^carebow-prod-app +\d+ +\d+ +0 +8\/0\/0 +\$\d+ \(\$\d+\)$/);
    // The bootstrap's access logs expire deleted versions after a year: retention is the app stack's (external).
    expect(lines.find((l) => l.startsWith("carebow-prod-bootstrap "))).toMatch(/ +5\/3\/0 +-$/);
    // An estimate above the environment's budget is marked, one within it is not: dev's preset
    // budget ($200) is below R2 dev's estimate, staging's ($500) and prod's ($1000) above theirs.
    const rows = lines.map((l) => /^(\S+-app) .* \$(\d+) \(\$(\d+)\)( OVER BUDGET)?$/.exec(l)).filter((m) => m !== null);
    expect(rows.map(([, stack, , budget, over]) => [stack, budget, Boolean(over)])).toEqual([
      ["carebow-dev-app", "200", true],
      ["carebow-prod-app", "1000", false],
      ["carebow-staging-app", "500", false],
    ]);
    for (const [, , total, budget, over] of rows) expect(Boolean(over)).toBe(Number(total) > Number(budget));
    // Dev and staging keep audit logs one and two years (the presets): short of HIPAA's six.
    expect(lines.slice(-4)).toEqual([
      "Gaps or controls not met:",
      "  carebow-dev-app: HIPAA 164.316(b)(2)",
      "  carebow-staging-app: HIPAA 164.316(b)(2)",
      `Diagrams, controls, costs and every suppression's reason: open ${join(out, "report.html")}`,
    ]);
  });

  it("npm run report exits quietly when its reader stops early (`| head`), with no EPIPE stack trace", async () => {
    const child = spawn(process.execPath, ["scripts/report.js"], { cwd: root, env: { ...process.env, CDKTF_OUTDIR: out } });
    child.stdout.destroy(); // a reader that takes nothing: the report's first write finds the pipe closed
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const status = await new Promise<number | null>((done) => child.on("close", done));
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
  });
});

describe("npm run report without a synth's output", () => {
  it("says so and exits 2, rather than summing up nothing and naming a page that is not there", () => {
    const empty = mkdtempSync(join(tmpdir(), "report-empty-"));
    try {
      mkdirSync(join(empty, "stacks"));
      const run = spawnSync(process.execPath, ["scripts/report.js"], {
        cwd: root,
        env: { ...process.env, CDKTF_OUTDIR: empty },
        encoding: "utf8",
      });
      expect(run).toMatchObject({ status: 2, stdout: "" });
      expect(run.stderr).toBe(`report: no synth output in ${empty} (stacks and report.html); run 'npm run synth' first\n`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("names a report file that is not what synth writes, exit 2, no stack trace", () => {
    const broken = mkdtempSync(join(tmpdir(), "report-broken-"));
    try {
      mkdirSync(join(broken, "stacks", "demo-dev-app"), { recursive: true });
      writeFileSync(join(broken, "report.html"), "<html></html>");
      const report = () =>
        spawnSync(process.execPath, ["scripts/report.js"], { cwd: root, env: { ...process.env, CDKTF_OUTDIR: broken }, encoding: "utf8" });
      const file = join(broken, "stacks", "demo-dev-app", "guardrails.json");
      writeFileSync(file, "{bad");
      const invalid = report();
      expect(invalid).toMatchObject({ status: 2, stdout: "" });
      expect(invalid.stderr).toMatch(new RegExp(`^report: ${file} is not valid JSON \\(.+\\); run 'npm run synth' again`));
      writeFileSync(file, JSON.stringify({ summary: {} }));
      expect(report()).toMatchObject({
        status: 2,
        stderr: `report: ${file} does not hold what synth writes there; run 'npm run synth' again to rewrite ${broken}\n`,
      });
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
