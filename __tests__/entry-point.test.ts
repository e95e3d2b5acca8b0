/**
 * The real entry point, run as `npm run synth` runs it: exit codes, messages, and the
 * output directory never half-written.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { checkOutputFolder } from "../stacks/output-folder";
import { baseSpec, filesBelow, withoutConfigWarnings } from "./helpers";

const root = resolve(__dirname, "..");
let work: string;
/** baseSpec() as a config file, and its good output: synthesized once, copied where a test needs a previous output. */
let good: { config: string; out: string };

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "entry-good-"));
  good = { config: join(dir, "good.json"), out: join(dir, "out") };
  writeFileSync(good.config, JSON.stringify(baseSpec(), null, 2));
  expect(synth(good.config, good.out).status).toBe(0);
});
afterAll(() => rmSync(dirname(good.config), { recursive: true, force: true }));
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "entry-"));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function synth(config: string | undefined, outdir: string, args: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir };
  if (config === undefined) delete env.INFRA_CONFIG;
  else env.INFRA_CONFIG = config;
  const run = spawnSync(process.execPath, ["scripts/synth.js", ...args], { cwd: root, env, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function writeConfig(name: string, spec: unknown): string {
  const file = join(work, name);
  writeFileSync(file, typeof spec === "string" ? spec : JSON.stringify(spec, null, 2));
  return file;
}

/** The good output of baseSpec() at `out`, as a previous synth of it would have left it. */
function previousGoodOutput(out: string): void {
  cpSync(good.out, out, { recursive: true });
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe("entry point", () => {
  it("synthesizes the default config: a bootstrap and an app stack per environment", () => {
    const out = join(work, "out");
    const run = synth(undefined, out);
    // prod names its deploy role; dev and staging name no role that runs Terraform
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(
          "^warning: careportal-dev-bootstrap: the state bucket and key are open to every IAM principal of account 111111111111 .*; " +
            "set environments\\.dev\\.deployRoleArn, environments\\.dev\\.state\\.roleArn or environments\\.dev\\.state\\.principalArns ",
        ),
      ),
      expect.stringMatching(
        /^warning: careportal-staging-bootstrap: .* account 222222222222 .*environments\.staging\.state\.principalArns /,
      ),
    ]);
    expect(run.status).toBe(0);
    expect(readdirSync(join(out, "stacks")).sort()).toEqual([
      "careportal-dev-app",
      "careportal-dev-bootstrap",
      "careportal-prod-app",
      "careportal-prod-bootstrap",
      "careportal-staging-app",
      "careportal-staging-bootstrap",
    ]);
    // One line per stack: what passed, what is suppressed, where the reviewer's report is.
    const lines = run.stdout.split("\n").filter((l) => l.startsWith("  careportal-"));
    expect(lines).toHaveLength(6);
    expect(run.stdout).toMatch(
      new RegExp(
        `^  careportal-prod-app: \\d+ checks passed, \\d+ suppressed \\(\\d+ rules on \\d+ resources\\); ` +
          `report ${out}/stacks/careportal-prod-app/guardrails\\.md$`,
        "m",
      ),
    );
    expect(existsSync(join(out, "manifest.json"))).toBe(true);
    for (const stack of readdirSync(join(out, "stacks"))) {
      const appOnly = stack.endsWith("-app") ? ["cost.json", "cost.md"] : [];
      expect(readdirSync(join(out, "stacks", stack)).sort()).toEqual(
        ["cdk.tf.json", "compliance.json", "compliance.md", ...appOnly, "guardrails.json", "guardrails.md", "guardrails.sarif"].sort(),
      );
    }
    expect(existsSync(join(out, ".checkov.yaml"))).toBe(true);
    expect(existsSync(join(out, ".trivyignore.yaml"))).toBe(true);
    expect(existsSync(join(out, "report.html"))).toBe(true);
  });

  it("lists every problem of a bad config (every class), exits 1, prints no stack trace and keeps the previous output", () => {
    const out = join(work, "out");
    previousGoodOutput(out);
    const before = filesBelow(out);

    const bad: any = baseSpec();
    bad.app = "Bad_Name";
    bad.environments.prod.accountId = "12";
    bad.environments.prod.regoin = "eu-west-1";
    bad.environments.staging.region = "us-east-1";
    bad.buckets = [{ name: "uploads" }, { name: "uploads" }];
    bad.tags = { Owner: 5 };
    bad.environments.dev.overrides = { kms: { deletionWindowDays: 90 } };
    const run = synth(writeConfig("bad.json", bad), out);

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/has 7 problems/);
    expect(run.stderr).toMatch(/- tags\.Owner: expected string \(got number 5\)/);
    expect(run.stderr).toMatch(/- environments\.dev\.overrides\.kms\.deletionWindowDays: must be at most 30 \(got number 90\)/);
    expect(run.stderr).toMatch(/- app: must be lowercase letters/);
    expect(run.stderr).toMatch(/- environments\.prod\.accountId: must be exactly 12 digits, e\.g\. "123456789012" \(got string "12"\)/);
    expect(run.stderr).toMatch(/- environments\.prod\.regoin: unknown key "regoin" \(did you mean "region"\?\)/);
    expect(run.stderr).toMatch(/- environments\.staging\.region: region "us-east-1" is outside allowedRegions/);
    expect(run.stderr).toMatch(/- buckets\[1\]\.name: duplicate bucket name "uploads"/);
    noStackTrace(run.stderr);
    expect(filesBelow(out)).toEqual(before);
    expect(readdirSync(work).filter((f) => f.includes("staging-") || f.includes("previous-"))).toEqual([]);
  });

  it("writes nothing when a bad config is the first run", () => {
    const out = join(work, "out");
    const run = synth(writeConfig("bad.json", { ...baseSpec(), dataClassification: "secret" }), out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /dataClassification: string "secret" is not allowed; expected one of: public, internal, confidential, pii, phi/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work)).toEqual(["bad.json"]);
  });

  it("fails on a guardrail finding with ids and fix, writes nothing, and accepts a justified suppression", () => {
    const out = join(work, "out");
    previousGoodOutput(out);
    const before = filesBelow(out);
    const shortLogs: any = baseSpec();
    shortLogs.environments.dev.overrides = { logs: { retentionDays: 90 } };
    const run = synth(writeConfig("short-logs.json", shortLogs), out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Guardrails: 2 findings, most severe first:/);
    expect(run.stderr).toMatch(
      new RegExp(
        "demo-dev-app aws_cloudwatch_log_group\\.Observability_AppLogGroup_\\w+ \\[CKV_AWS_338\\] LOW: retention_in_days is 90\\n" +
          "\\s+rule: .*\\n\\s+fix: {2}`retention_in_days`: 365 or more",
      ),
    );
    expect(run.stderr).toMatch(/Nothing was written/);
    noStackTrace(run.stderr);
    expect(filesBelow(out)).toEqual(before);
    // Its reports were being written in the background when the finding stopped it: all gone.
    expect(readdirSync(work).filter((f) => f.includes(".staging-"))).toEqual([]);
    // So for a config after a good one: the good one's files went the same way.
    const otherApp = writeConfig("other-short-logs.json", { ...shortLogs, app: "other" });
    const both = spawnSync(process.execPath, ["scripts/synth.js", good.config, otherApp], {
      cwd: root,
      env: { ...process.env, CDKTF_OUTDIR: out },
      encoding: "utf8",
    });
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/Guardrails: 2 findings/);
    expect(filesBelow(out)).toEqual(before);
    expect(readdirSync(work).filter((f) => f.includes(".staging-"))).toEqual([]);

    shortLogs.guardrails = {
      suppressions: ["Observability/AppLogGroup", "Network/FlowLogGroup"].map((path) => ({
        rule: "CKV_AWS_338",
        path,
        environments: ["dev"],
        reason: "Dev holds synthetic data only; 90 days is enough to debug.",
      })),
    };
    const accepted = synth(writeConfig("accepted.json", shortLogs), out);
    expect(withoutConfigWarnings(accepted.stderr)).toBe("");
    expect(accepted.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "stacks", "demo-dev-app", "guardrails.json"), "utf8"));
    expect(
      report.findings.filter((f: any) => f.status === "suppressed" && f.ruleId === "CKV_AWS_338").map((f: any) => f.justification),
    ).toEqual(["Dev holds synthetic data only; 90 days is enough to debug.", "Dev holds synthetic data only; 90 days is enough to debug."]);
    expect(readFileSync(join(out, ".checkov.yaml"), "utf8")).toContain("CKV_AWS_338:.*stacks/demo-dev-app/cdk\\\\.tf\\\\.json$");
  });

  it("synthesizes several configs in one process into one stacks/ layout, each stack as its own synth writes it", () => {
    const other: any = baseSpec();
    other.app = "other";
    // The first config's own synth is the good output of baseSpec().
    const files = [good.config, writeConfig("second.json", other)];
    const many = join(work, "many");
    const run = synth(undefined, many, files);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Synthesized 12 stacks from 2 configs (${files.join(", ")}) into ${many}/stacks; guardrails:`);
    const stacks = readdirSync(join(many, "stacks")).sort();
    expect(stacks).toHaveLength(12);
    expect(Object.keys(JSON.parse(readFileSync(join(many, "manifest.json"), "utf8")).stacks).sort()).toEqual(stacks);
    const checkov = readFileSync(join(many, ".checkov.yaml"), "utf8");
    const singles = [good.out, join(work, "single-other")];
    expect(synth(files[1], singles[1]).status).toBe(0);
    for (const [i, app] of ["demo", "other"].entries()) {
      const single = singles[i];
      for (const stack of readdirSync(join(single, "stacks"))) {
        // Report paths name the folder they were written to; everything else is the same.
        expect(filesBelow(join(many, "stacks", stack), many)).toEqual(filesBelow(join(single, "stacks", stack), single));
      }
      expect(checkov).toContain(`stacks/${app}-prod-app/cdk\\\\.tf\\\\.json`);
    }
  });

  it("with several configs, lists every config's problems and writes nothing; two configs of one app are an error", () => {
    const bad: any = baseSpec();
    bad.app = "Bad_Name";
    const worse: any = baseSpec();
    worse.dataClassification = "secret";
    const files = [writeConfig("good.json", baseSpec()), writeConfig("bad.json", bad), writeConfig("worse.json", worse)];
    const many = join(work, "many");
    const run = synth(undefined, many, files);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.json has 1 problem[^]*- app: must be lowercase letters/);
    expect(run.stderr).toMatch(/worse\.json has 1 problem[^]*- dataClassification: string "secret" is not allowed/);
    expect(run.stderr).toMatch(/Nothing was written/);
    noStackTrace(run.stderr);
    expect(existsSync(many)).toBe(false);

    const clash = synth(undefined, many, [files[0], writeConfig("again.json", baseSpec())]);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain(
      `Config ${join(work, "again.json")} has 1 problem:\n` +
        `  - app: makes the same stacks as ${files[0]} (demo-dev-bootstrap, demo-dev-app and 4 more): give each config its own app name\n`,
    );
    expect(existsSync(many)).toBe(false);
  });

  it("points at the line and column of invalid JSON", () => {
    const run = synth(writeConfig("broken.json", '{\n  "app": "demo",\n  "primaryRegion": \n}'), join(work, "out"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\(file\): is not valid JSON: unexpected "}" at line 4, column 1/);
    noStackTrace(run.stderr);
  });

  it("reports a key written twice, which JSON.parse would silently drop", () => {
    const text = JSON.stringify(baseSpec(), null, 2).replace('"prod": {', '"prod": { "accountId": "444444444444" },\n    "prod": {');
    const run = synth(writeConfig("dupe.json", text), join(work, "out"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/- environments\.prod: written twice \(again on line \d+\); JSON keeps only the last one/);
  });

  it("says which file is missing", () => {
    const run = synth(join(work, "nope.json"), join(work, "out"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nope\.json has 1 problem:\n {2}- \(file\): file not found; set INFRA_CONFIG to a config file\n/);
    noStackTrace(run.stderr);
  });

  it("refuses an option it does not know with its usage, exit 2, and keeps the previous output", () => {
    const out = join(work, "out");
    previousGoodOutput(out);
    const before = filesBelow(out);
    const run = synth(good.config, out, ["--hlc"]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toMatch(
      /^synth: unknown option --hlc \(did you mean --hcl\?\)\n\nusage: npm run synth -- \[options\] \[config\.json \.\.\.\]\n/,
    );
    expect(filesBelow(out)).toEqual(before);
  });

  it("runs under `npx cdktf synth` right after a synth of another config (the CLI deletes the stacks it no longer sees)", () => {
    const out = join(work, "cdktf.out");
    previousGoodOutput(out);
    const other: any = baseSpec();
    other.app = "other";
    const env = { ...process.env, INFRA_CONFIG: writeConfig("other.json", other), CHECKPOINT_DISABLE: "1" };
    // The real CLI: it lists stacks/ before running synth.js and rmSyncs (no force) each folder
    // the new manifest lacks, which the atomic swap had removed already (ENOENT, exit 1, before).
    const cli = join(dirname(require.resolve("cdktf-cli/package.json")), "bundle", "bin", "cdktf.js");
    const run = spawnSync(process.execPath, [cli, "synth", "--output", out], { cwd: root, env, encoding: "utf8" });
    expect(run.stderr + run.stdout).not.toContain("ENOENT");
    expect(run.status).toBe(0);
    const stacks = ["bootstrap", "app"].flatMap((kind) => ["dev", "staging", "prod"].map((e) => `other-${e}-${kind}`));
    expect(readdirSync(join(out, "stacks")).sort()).toEqual(stacks.sort());
    expect(readdirSync(join(out, "stacks", "other-prod-app"))).toContain("guardrails.json");
  });

  it("refuses an output folder that is not a previous output, since the folder it replaces is deleted", () => {
    const config = writeConfig("app.json", baseSpec());
    writeFileSync(join(work, "notes.txt"), "mine");
    const folder = synth(config, work);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain(`The output folder ${work} holds what no synth writes (app.json, notes.txt)`);
    expect(readdirSync(work).sort()).toEqual(["app.json", "notes.txt"]);
    const underFile = synth(config, join(work, "notes.txt", "out"));
    expect(underFile.stderr).toContain(`Cannot make the folder ${join(work, "notes.txt")} for the output`);
    expect(underFile.status).toBe(1);
    noStackTrace(underFile.stderr);
    expect(synth(config, join(work, "notes.txt")).stderr).toContain(`The output ${join(work, "notes.txt")} is a file`);
    expect(readFileSync(join(work, "notes.txt"), "utf8")).toBe("mine");
    // An empty CDKTF_OUTDIR is unset (cdktf.out), not the working folder.
    const env = { ...process.env, INFRA_CONFIG: config, CDKTF_OUTDIR: "" };
    const empty = spawnSync(process.execPath, [join(root, "scripts", "synth.js")], { cwd: work, env, encoding: "utf8" });
    expect(empty.status).toBe(0);
    expect(readdirSync(work).sort()).toEqual(["app.json", "cdktf.out", "notes.txt"]);
  });

  it("keeps what terraform init made across synths, and gives lock files a committed home", () => {
    const out = join(work, "cdktf.out");
    const config = writeConfig("app.json", baseSpec());
    previousGoodOutput(out);
    const stack = join(out, "stacks", "demo-prod-app");
    // What `terraform init` leaves: providers under .terraform/, and the lock file.
    mkdirSync(join(stack, ".terraform", "providers"), { recursive: true });
    writeFileSync(join(stack, ".terraform", "providers", "marker"), "installed");
    writeFileSync(join(stack, ".terraform.lock.hcl"), "# provider hashes\n");

    expect(synth(config, out).status).toBe(0);
    expect(readFileSync(join(stack, ".terraform", "providers", "marker"), "utf8")).toBe("installed");
    const home = join(work, "terraform-locks", "demo-prod-app.terraform.lock.hcl");
    expect(readFileSync(home, "utf8")).toBe("# provider hashes\n");

    // A fresh clone has the committed lock file but no output: synth puts it in place.
    rmSync(out, { recursive: true });
    expect(synth(config, out).status).toBe(0);
    expect(readFileSync(join(stack, ".terraform.lock.hcl"), "utf8")).toBe("# provider hashes\n");
    expect(existsSync(join(out, "stacks", "demo-dev-app", ".terraform.lock.hcl"))).toBe(false);
  });
});

describe("the output folder a synth may replace (checkOutputFolder)", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "outdir-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text = "") => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const verdict = () => {
    try {
      checkOutputFolder(dir, dirname(dir));
      return "replaced";
    } catch (e) {
      return (e as Error).message;
    }
  };

  it("replaces an empty folder, a previous output (HCL and the stock CLI's alike) and a restored terraform init cache", () => {
    expect(verdict()).toBe("replaced");
    write(".DS_Store");
    expect(verdict()).toBe("replaced");
    write("stacks/demo-dev-app/.terraform/providers/marker");
    write("stacks/demo-dev-app/.terraform.lock.hcl");
    expect(verdict()).toBe("replaced");
    write("manifest.json", JSON.stringify({ version: "0.21.0", stacks: { "demo-dev-app": {} } }));
    write("stacks/demo-dev-app/cdk.tf");
    for (const file of ["report.html", ".checkov.yaml", ".trivyignore.yaml"]) write(file);
    expect(verdict()).toBe("replaced");
  });

  it("refuses a project folder even with a manifest.json and a stacks/ in it, and a manifest listing no stacks", () => {
    write("manifest.json", JSON.stringify({ stacks: {} }));
    write("stacks/app-stack.ts");
    write("package.json", "{}");
    mkdirSync(join(dir, ".git"));
    expect(verdict()).toBe(
      `The output folder ${dir} holds what no synth writes (.git, package.json): synth replaces its output folder whole, ` +
        "so it writes only to a new or empty folder or over a previous synth's output; set CDKTF_OUTDIR to such a folder.",
    );
    rmSync(join(dir, ".git"), { recursive: true });
    rmSync(join(dir, "package.json"));
    write("manifest.json", "[]");
    expect(verdict()).toMatch(/has a manifest\.json that lists no stacks: /);
    rmSync(join(dir, "manifest.json"));
    expect(verdict()).toMatch(/has no manifest\.json, and its stacks\/ holds more than terraform init leaves: /);
  });
});
