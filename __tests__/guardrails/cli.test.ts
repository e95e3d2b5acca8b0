/** `npm run guardrails -- <file-or-dir>` on Terraform JSON from anywhere. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MAX_INPUT_BYTES, MAX_INPUT_DEPTH } from "../../guardrails/input";

const root = resolve(__dirname, "..", "..");
const runCli = (...args: string[]) => spawnSync(process.execPath, ["scripts/guardrails.js", ...args], { cwd: root, encoding: "utf8" });
let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), "cli-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe("guardrails CLI", () => {
  it("checks a directory of plain *.tf.json, names findings by address, writes reports, exits 1", () => {
    mkdirSync(join(work, "mod"));
    writeFileSync(
      join(work, "mod", "lb.tf.json"),
      JSON.stringify({
        resource: { aws_lb: { main: { internal: false, load_balancer_type: "application", drop_invalid_header_fields: true } } },
      }),
    );
    const run = runCli(work);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/aws_lb\.main \[AWS-0053\] HIGH: internet-facing load balancer/);
    expect(run.stderr).toMatch(/aws_lb\.main \[CKV2_AWS_28\]/);
    expect(run.stderr).not.toMatch(/CKV_AWS_131/);
    for (const ext of ["json", "sarif", "md"]) expect(existsSync(join(work, "mod", `lb.guardrails.${ext}`))).toBe(true);
  });

  it("agrees with synth on this project's output, suppressions included, for the very file synth reviewed", () => {
    const out = join(work, "out");
    const synth = spawnSync(process.execPath, ["scripts/synth.js"], {
      cwd: root,
      env: { ...process.env, CDKTF_OUTDIR: out },
      encoding: "utf8",
    });
    expect(synth.status).toBe(0);
    const reports = (file: string) => readFileSync(join(out, "stacks", "careportal-prod-app", file), "utf8");
    const before = { json: reports("guardrails.json"), md: reports("guardrails.md") };
    const run = runCli(out);
    expect(run.stdout).toMatch(/6 file\(s\), \d+ passed, 0 failed, 0 unknown/);
    expect(run.status).toBe(0);
    // The same verdicts, and what was reviewed (the stack's name, the config and its sha256) kept: the same reports.
    expect(JSON.parse(before.json).config).toEqual({ file: "app.config.json", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect({ json: reports("guardrails.json"), md: reports("guardrails.md") }).toEqual(before);
    expect(JSON.parse(before.json).terraform).toEqual({
      file: "cdk.tf.json",
      sha256: createHash("sha256")
        .update(readFileSync(join(out, "stacks", "careportal-prod-app", "cdk.tf.json")))
        .digest("hex"),
    });
    // From inside the stack's folder, by a relative path, the same file gets the same report.
    const stackDir = join(out, "stacks", "careportal-prod-app");
    const inside = spawnSync(process.execPath, [join(root, "scripts", "guardrails.js"), "cdk.tf.json"], {
      cwd: stackDir,
      encoding: "utf8",
    });
    expect(inside.status).toBe(0);
    expect({ json: reports("guardrails.json"), md: reports("guardrails.md") }).toEqual(before);
    // Edited after synth, the file is no longer what synth reviewed: checked as Terraform from
    // elsewhere, named by its path, no config, and none of synth's suppressions (made in code).
    writeFileSync(join(stackDir, "cdk.tf.json"), `${readFileSync(join(stackDir, "cdk.tf.json"), "utf8")}\n`);
    const edited = runCli(stackDir);
    expect(edited.status).toBe(1);
    expect(edited.stderr).toMatch(/aws_s3_bucket\.AccessLogBucket_\w+ \[CKV_AWS_145/);
    const report = JSON.parse(reports("guardrails.json"));
    expect(report.stack).toBe(join(stackDir, "cdk.tf.json"));
    expect(report.config).toBeUndefined();
    expect(report.context).toEqual({});
    expect(report.terraform.sha256).not.toBe(JSON.parse(before.json).terraform.sha256);
    expect(reports("guardrails.md")).not.toContain("- config:");
    // A record copied beside another stack's Terraform lends it nothing (frameworks, regions, suppressions).
    const dev = join(out, "stacks", "careportal-dev-app");
    writeFileSync(join(dev, "guardrails.json"), before.json);
    expect(runCli(join(dev, "cdk.tf.json")).status).toBe(1);
    const lent = JSON.parse(readFileSync(join(dev, "guardrails.json"), "utf8"));
    expect([lent.stack, lent.config, lent.context]).toEqual([join(dev, "cdk.tf.json"), undefined, {}]);
  });

  it("says what is wrong with its arguments", () => {
    const none = runCli();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^guardrails: no file or directory given\n\nusage: npm run guardrails -- \[options\]/);
    const missing = runCli(join(work, "nope"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file or directory/);
    const unknown = runCli("--bogus", work);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^guardrails: unknown option --bogus\n/);
    expect(runCli("--out-dir").stderr).toMatch(/^guardrails: --out-dir needs a value/);
  });

  it("prints its usage on --help and exits 0", () => {
    const help = runCli("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run guardrails -- \[options\] <file\.tf \| file\.tf\.json \| directory>/);
    expect(help.stdout).toMatch(/--allowed-regions <r1,r2>/);
    expect(help.stdout).toMatch(/--out-dir <dir>/);
  });

  it("runs the residency rule with --allowed-regions and writes reports under --out-dir", () => {
    const file = join(work, "kms.tf.json");
    writeFileSync(
      file,
      JSON.stringify({ resource: { aws_kms_key: { k: { region: "us-east-1", enable_key_rotation: true, policy: "{}" } } } }),
    );
    const outDir = join(work, "reports");
    const run = runCli("--allowed-regions", "eu-central-1,eu-west-1", "--out-dir", outDir, file);
    expect(run.stderr).toMatch(/aws_kms_key\.k \[PRJ_DATA_RESIDENCY\] CRITICAL: region us-east-1 is outside eu-central-1, eu-west-1/);
    expect(run.stdout).toMatch(
      new RegExp(`kms\\.tf\\.json: 4 checks passed, 0 suppressed, 1 failed, 0 unknown .*; report ${outDir}/.*kms\\.guardrails\\.md$`, "m"),
    );
    expect(existsSync(join(work, "kms.guardrails.json"))).toBe(false);
    const reports = readdirSync(outDir, { recursive: true }) as string[];
    expect(reports.filter((r) => r.endsWith("kms.guardrails.json"))).toHaveLength(1);
    const unchecked = runCli(file);
    expect(unchecked.stderr).not.toMatch(/PRJ_DATA_RESIDENCY/);
  });

  it("through npm, reads relative paths from where the user is (INIT_CWD) and prints paths as given", () => {
    mkdirSync(join(work, "mod"));
    writeFileSync(join(work, "mod", "lb.tf.json"), JSON.stringify({ resource: { aws_lb: { main: { internal: true } } } }));
    // npm runs the script in the package root; the user stands in their own folder.
    const npm = (...args: string[]) =>
      spawnSync("npm", ["--prefix", root, "run", "--silent", "guardrails", "--", ...args], { cwd: work, encoding: "utf8" });
    const relativeRun = npm(join("mod", "lb.tf.json"));
    expect(relativeRun.stderr).not.toMatch(/no such file/);
    expect(relativeRun.stdout).toMatch(/^ {2}mod\/lb\.tf\.json: \d+ checks passed.*; report mod\/lb\.guardrails\.md$/m);
    expect(relativeRun.stderr).toMatch(/^ {2}- mod\/lb\.tf\.json aws_lb\.main \[/m);
    expect(existsSync(join(work, "mod", "lb.guardrails.md"))).toBe(true);
    const absoluteRun = npm(join(work, "mod"));
    expect(absoluteRun.stdout).toContain(`  ${join(work, "mod", "lb.tf.json")}: `);
    expect(absoluteRun.stdout).not.toMatch(/\.\.\//);
  });
});

describe("guardrails CLI on HCL (.tf)", () => {
  const hcl = {
    "main.tf": [
      'variable "public" {\n  default = false\n}',
      'resource "aws_s3_bucket" "docs" {\n  bucket = "docs"\n}',
      'resource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = var.public\n}',
    ].join("\n"),
    "versioning.tf":
      'resource "aws_s3_bucket_versioning" "docs" {\n  bucket = aws_s3_bucket.docs.id\n' +
      '  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
  };
  type Report = { findings: { address: string; ruleId: string; status: string; detail?: string }[] };
  const status = (r: Report, address: string, ruleId: string) =>
    r.findings.find((f) => f.address === address && f.ruleId === ruleId)?.status;

  it("checks a folder's .tf files as one module, reports unresolved expressions as unknown, exits 1", () => {
    const mod = join(work, "infra");
    mkdirSync(mod);
    for (const [name, text] of Object.entries(hcl)) writeFileSync(join(mod, name), text);
    const run = runCli(work);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/aws_db_instance\.db \[CKV_AWS_17 \/ AWS-0180\] UNKNOWN: publicly_accessible is \$\{var\.public\}/);
    expect(run.stderr).toMatch(/aws_s3_bucket\.docs \[CKV2_AWS_6 \/ AWS-0094\] HIGH/);
    expect(readdirSync(mod).sort()).toEqual(["guardrails.json", "guardrails.md", "guardrails.sarif", "main.tf", "versioning.tf"]);
    const report = JSON.parse(readFileSync(join(mod, "guardrails.json"), "utf8")) as Report;
    // The versioning resource in the other file counts, as Terraform reads the folder.
    expect(status(report, "aws_s3_bucket.docs", "CKV_AWS_21")).toBe("passed");
    expect(status(report, "aws_db_instance.db", "CKV_AWS_17")).toBe("unknown");
    expect(status(report, "aws_db_instance.db", "CKV_AWS_16")).toBe("passed");
  });

  it("checks one .tf file given by name, with the JSON beside it on its own", () => {
    writeFileSync(join(work, "main.tf"), hcl["main.tf"]);
    writeFileSync(
      join(work, "lb.tf.json"),
      JSON.stringify({
        resource: { aws_lb: { main: { internal: true, load_balancer_type: "application", drop_invalid_header_fields: true } } },
      }),
    );
    const run = runCli(join(work, "main.tf"), join(work, "lb.tf.json"));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/2 file\(s\)/);
    const report = JSON.parse(readFileSync(join(work, "main.guardrails.json"), "utf8")) as Report;
    expect(status(report, "aws_s3_bucket.docs", "CKV_AWS_21")).toBe("failed");
    expect(existsSync(join(work, "lb.guardrails.json"))).toBe(true);
  });

  it("honours the scanners' inline comments on the resource they are written in", () => {
    const tf = [
      "# trivy:ignore:AWS-0094",
      'resource "aws_s3_bucket" "docs" {',
      "  # checkov:skip=CKV_AWS_144:Single-region by design: data residency",
      '  bucket = "docs"',
      "}",
      'resource "aws_s3_bucket" "other" {',
      '  bucket = "other"',
      "}",
    ].join("\n");
    writeFileSync(join(work, "main.tf"), tf);
    expect(runCli(work).status).toBe(1);
    const report = JSON.parse(readFileSync(join(work, "guardrails.json"), "utf8")) as Report & { findings: { justification?: string }[] };
    const find = (address: string, ruleId: string) => report.findings.find((f) => f.address === address && f.ruleId === ruleId);
    expect(find("aws_s3_bucket.docs", "CKV_AWS_144")).toMatchObject({
      status: "suppressed",
      justification: "Single-region by design: data residency",
    });
    expect(find("aws_s3_bucket.docs", "CKV2_AWS_6")).toMatchObject({
      status: "suppressed",
      justification: "trivy:ignore in main.tf, no reason given",
    });
    expect(status(report, "aws_s3_bucket.other", "CKV_AWS_144")).toBe("failed");
    expect(status(report, "aws_s3_bucket.other", "CKV2_AWS_6")).toBe("failed");
  });

  it("evaluates jsonencode({...}) policies and reads data.aws_iam_policy_document, as the scanners do", () => {
    const policyTf = (name: string, statement: string) =>
      `resource "aws_iam_policy" "${name}" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n` +
      `    Statement = [{\n${statement}\n    }]\n  })\n}\n`;
    mkdirSync(join(work, "admin"));
    writeFileSync(join(work, "admin", "main.tf"), policyTf("admin", '      Effect = "Allow"\n      Action = "*"\n      Resource = "*"'));
    mkdirSync(join(work, "reader"));
    writeFileSync(
      join(work, "reader", "main.tf"),
      policyTf("reader", '      Effect = "Allow"\n      Action = ["s3:GetObject"]\n      Resource = "${aws_s3_bucket.b.arn}/*"') +
        'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n' +
        'resource "aws_iam_policy" "doc" {\n  policy = data.aws_iam_policy_document.d.json\n}\n',
    );
    const run = runCli(work);
    expect(run.status).toBe(1);
    const admin = JSON.parse(readFileSync(join(work, "admin", "guardrails.json"), "utf8")) as Report;
    expect(status(admin, "aws_iam_policy.admin", "CKV_AWS_62")).toBe("failed");
    expect(admin.findings.filter((f) => f.status === "unknown")).toEqual([]);
    const reader = JSON.parse(readFileSync(join(work, "reader", "guardrails.json"), "utf8")) as Report;
    expect(status(reader, "aws_iam_policy.reader", "CKV_AWS_62")).toBe("passed");
    expect(status(reader, "aws_iam_policy.reader", "CKV_AWS_288")).toBe("passed");
    expect(status(reader, "aws_iam_policy.doc", "CKV_AWS_62")).toBe("failed");
    expect(status(reader, "data.aws_iam_policy_document.d", "CKV_AWS_111")).toBe("failed");
  });

  it("refuses a resource declared in two files of one module, naming the second", () => {
    writeFileSync(join(work, "a.tf"), hcl["main.tf"]);
    writeFileSync(join(work, "b.tf"), 'resource "aws_s3_bucket" "docs" {\n  bucket = "other"\n}\n');
    const run = runCli(work);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `guardrails: ${join(work, "b.tf")}: declares aws_s3_bucket.docs, already declared in ${join(work, "a.tf")}`,
    );
    expect(readdirSync(work).sort()).toEqual(["a.tf", "b.tf"]);
  });
});

/** A bucket with a tag `bytes` long: valid Terraform JSON, written in chunks. */
function writeHugeBucket(file: string, bytes: number) {
  const fd = openSync(file, "w");
  writeSync(fd, '{"resource":{"aws_s3_bucket":{"b":{"tags":{"t":"');
  const chunk = Buffer.alloc(1024 * 1024, "a");
  for (let left = bytes; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(left, chunk.length));
  writeSync(fd, '"}}}}}');
  closeSync(fd);
}

/** A bucket whose tags nest `levels` arrays deep. */
const deep = (levels: number) => `{"resource":{"aws_s3_bucket":{"b":{"tags":${"[".repeat(levels)}${"]".repeat(levels)}}}}}`;

describe("guardrails CLI on input that is not Terraform JSON", () => {
  const text = (t: string) => (file: string) => writeFileSync(file, t);
  const mib = MAX_INPUT_BYTES / 1024 / 1024;
  const cases: [string, (file: string) => void, RegExp, string?][] = [
    ["a top-level array", text("[]"), /top level is an array, not a Terraform JSON object$/],
    ["a resource type that is a string", text('{"resource":{"aws_s3_bucket":"b"}}'), /resource\.aws_s3_bucket is a string, not an object/],
    ["a resource type that is null", text('{"resource":{"aws_s3_bucket":null}}'), /resource\.aws_s3_bucket is null, not an object/],
    [
      "a resource that is a number",
      text('{"resource":{"aws_s3_bucket":{"b":1}}}'),
      /resource\.aws_s3_bucket\.b is a number, not a resource body/,
    ],
    ["a provider that is a string", text('{"provider":{"aws":"eu"}}'), /provider\.aws is a string, not a provider block/],
    ["20,000 levels of nesting", text(deep(20_000)), new RegExp(`more than ${MAX_INPUT_DEPTH} levels deep$`)],
    ["a 50 MB file", (f) => writeHugeBucket(f, 50 * 1024 * 1024), new RegExp(`is 50 MiB \\(\\d+ bytes\\), over the ${mib} MiB limit$`)],
    ["invalid JSON", text('{"resource":\n  {,}}'), /is not valid JSON \(.*line 2 column 4\)$/],
    ["an empty file", text(""), /is not valid JSON \(Unexpected end of JSON input\)$/],
    ["a missing file", () => undefined, /: no such file or directory$/],
    [
      "invalid HCL",
      text('resource "aws_s3_bucket" "b" {\n  bucket = \n}\n'),
      /is not valid HCL \(line 2 column 12: Invalid expression;.*\)$/,
      "main.tf",
    ],
    [
      "20,000 levels of nesting in HCL",
      text(`resource "aws_s3_bucket" "b" {\n  tags = ${"[".repeat(20_000)}${"]".repeat(20_000)}\n}\n`),
      new RegExp(`nests blocks/brackets more than ${MAX_INPUT_DEPTH} levels deep$`),
      "main.tf",
    ],
    [
      "a 50 MB .tf file",
      (f) => writeFileSync(f, Buffer.alloc(50 * 1024 * 1024, "#")),
      new RegExp(`is 50 MiB \\(\\d+ bytes\\), over the ${mib} MiB limit$`),
      "main.tf",
    ],
    ["HCL that is not Terraform's shape", text('resource = "x"\n'), /"resource" is a string, not an object of resource types$/, "main.tf"],
  ];
  // Each case in its own directory, all given to one run: it names every one, in order.
  let dir: string;
  let run: ReturnType<typeof runCli>;
  let lines: string[];
  const fileOf = (i: number) => join(dir, String(i), cases[i][3] ?? "input.tf.json");
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cli-hostile-"));
    cases.forEach(([, write], i) => {
      mkdirSync(join(dir, String(i)));
      write(fileOf(i));
    });
    run = runCli(...cases.map((_, i) => fileOf(i)));
    lines = run.stderr.trimEnd().split("\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stops with exit 2, one line for each input that cannot be checked, and no report", () => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(lines).toHaveLength(cases.length);
  });
  const indexed = cases.map(([what, , message], i) => [what, i, message] as const);
  it.each(indexed)("names %s in its own line, with what is wrong, and writes no report beside it", (_, i, message) => {
    expect(lines[i]).toMatch(message);
    expect(lines[i].startsWith(`guardrails: ${fileOf(i)}: `)).toBe(true);
    expect(readdirSync(join(dir, String(i))).filter((f) => f.includes("guardrails"))).toEqual([]);
  });
  it("accepts the deepest nesting and largest file it allows", () => {
    writeFileSync(join(work, "deep.tf.json"), deep(MAX_INPUT_DEPTH - 4));
    writeHugeBucket(join(work, "big.tf.json"), MAX_INPUT_BYTES - 64);
    const run = runCli(work);
    expect(run.stderr.length).toBeLessThan(10_000);
    expect(run.stderr).not.toMatch(/guardrails: .*: /);
    expect(run.stdout).toMatch(/2 file\(s\)/);
    expect(run.status).toBe(1);
  });

  it("writes no report for the good files when another is bad, and says which", () => {
    writeFileSync(join(work, "a.tf.json"), JSON.stringify({ resource: { aws_s3_bucket: { b: { bucket: "x" } } } }));
    writeFileSync(join(work, "z.tf.json"), '{"resource":{"aws_s3_bucket":{"b":null}}}');
    const run = runCli(work);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `guardrails: ${join(work, "z.tf.json")}: resource.aws_s3_bucket.b is null, not a resource body (an object, or a list of objects)`,
    );
    expect(readdirSync(work).sort()).toEqual(["a.tf.json", "z.tf.json"]);
  });

  it("refuses a directory without Terraform and a corrupt recorded report", () => {
    const empty = runCli(work);
    expect([empty.status, empty.stderr.trim()]).toEqual([2, `guardrails: ${work}: holds no Terraform file (*.tf or *.tf.json)`]);
    writeFileSync(join(work, "cdk.tf.json"), "{}");
    writeFileSync(join(work, "guardrails.json"), "[1,");
    const corrupt = runCli(work);
    expect(corrupt.status).toBe(2);
    expect(corrupt.stderr.trim()).toMatch(/^guardrails: .*guardrails\.json: is not a guardrails report/);
  });
});
